import { describe, expect, it } from 'vitest'
import { buildDiscussionAnnotations } from './discussion-annotations.js'
import { ARTICLE, KILLED } from './test-fixtures.js'

describe('buildDiscussionAnnotations', () => {
  it('threads comments as annotations on annotations: first comments on the claim, replies on them, resolved tagged', () => {
    const claimIri = `${ARTICLE.url}#claim-${KILLED.id}`
    const claim = {
      ...KILLED,
      comments: [
        { id: 't1', author: 'u2', text: 'Source?', at: '2025-02-01T10:00:00.000Z', resolved: true, resolvedBy: 'u3' },
        { id: 'r1', author: 'u3', text: 'The register.', at: 'not a time', replyTo: 't1' },
      ],
    }
    expect(buildDiscussionAnnotations(ARTICLE, claimIri, claim, new Map([['u2', 'Amina']]))).toEqual([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `${ARTICLE.url}#comment-t1`,
        type: 'Annotation',
        motivation: 'commenting',
        created: '2025-02-01T10:00:00.000Z',
        creator: { type: 'Person', name: 'Amina' },
        body: [
          { type: 'TextualBody', purpose: 'commenting', value: 'Source?', format: 'text/plain' },
          { type: 'TextualBody', purpose: 'tagging', value: 'resolved', format: 'text/plain' },
        ],
        target: claimIri,
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `${ARTICLE.url}#comment-r1`,
        type: 'Annotation',
        motivation: 'replying',
        // An unknown author is shown as written; a time that is no time is left out.
        creator: { type: 'Person', name: 'u3' },
        body: [{ type: 'TextualBody', purpose: 'replying', value: 'The register.', format: 'text/plain' }],
        target: `${ARTICLE.url}#comment-t1`,
      },
    ])
  })
})
