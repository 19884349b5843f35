import { describe, expect, it } from 'vitest'
import { parseRoute } from '../../ui/router'
import { claimInAddress, claimPath } from './claimLink'

describe('claim links', () => {
  it('open the article route, with the claim in the query', () => {
    const path = claimPath('art_1', 'c-2')
    expect(path).toBe('/a/art_1?claim=c-2')
    const [pathname, search] = path.split('?')
    expect(parseRoute(pathname!)).toEqual({ kind: 'article', articleId: 'art_1' })
    expect(claimInAddress(`?${search}`)).toBe('c-2')
  })

  it('name no claim when the address has none', () => {
    expect(claimInAddress('')).toBeNull()
    expect(claimInAddress('?claim=')).toBeNull()
    expect(claimInAddress('?next=%2F')).toBeNull()
  })
})
