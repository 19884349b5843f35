/** Said next to the connection state: a viewer reads along but cannot change the text. */
export function ViewOnlyBadge() {
  return (
    <span
      className="view-only-badge"
      data-testid="view-only-badge"
      title="You are a viewer in this workspace: you can read and follow along, but not edit. Ask an owner for a higher role."
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path
          fill="currentColor"
          d="M8 3C4.4 3 1.7 5.4.6 8c1.1 2.6 3.8 5 7.4 5s6.3-2.4 7.4-5C14.3 5.4 11.6 3 8 3Zm0 8.2A3.2 3.2 0 1 1 8 4.8a3.2 3.2 0 0 1 0 6.4Zm0-1.7a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z"
        />
      </svg>
      View only
    </span>
  )
}
