import { describe, expect, it } from 'vitest';
import { suggestClaimant } from './claimant.js';

describe('suggestClaimant', () => {
  it.each([
    ['In its statement, the BLA alleged that 84 Pakistani security personnel were killed.', 'BLA'],
    ['The Baloch Liberation Army claimed 84 soldiers were killed.', 'Baloch Liberation Army'],
    ['According to the Ministry of Interior, 12 personnel lost their lives.', 'Ministry of Interior'],
    ['The minister said 40% of roads were repaired.', 'the minister'],
    ['Unemployment fell to 3% last year, said Ana Lopez.', 'Ana Lopez'],
  ])('%s → %s', (sentence, claimant) => {
    expect(suggestClaimant(sentence)).toBe(claimant);
  });

  it('suggests nobody when the sentence names no source', () => {
    expect(suggestClaimant('Unemployment fell to 3% last year.')).toBeUndefined();
    expect(suggestClaimant('It said nothing about the roads.')).toBeUndefined();
  });
});
