/** `--name=value` from this process's command line, or undefined when it is not given. */
export function option(name: string): string | undefined {
  return process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
}
