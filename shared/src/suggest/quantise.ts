/**
 * Weights ship as one signed byte each, square-root companded: small weights (most of a
 * hashed model) keep more resolution than a linear int8 would give them.
 */
export const QUANT_LEVELS = 127

export function quantise(weights: ArrayLike<number>): { bytes: Int8Array; scale: number } {
  let max = 0
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!))
  const scale = max || 1
  const bytes = new Int8Array(weights.length)
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!
    bytes[i] = Math.sign(w) * Math.round(Math.sqrt(Math.abs(w) / scale) * QUANT_LEVELS)
  }
  return { bytes, scale: Number(scale.toPrecision(8)) }
}

export function dequantise(bytes: Int8Array, scale: number): Float32Array {
  const weights = new Float32Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) {
    const q = bytes[i]! / QUANT_LEVELS
    weights[i] = Math.sign(q) * q * q * scale
  }
  return weights
}
