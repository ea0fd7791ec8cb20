import { describe, expect, it } from 'vitest';
import { extractAddress } from '../../../src/domain/language/index.ts';

describe('extractAddress', () => {
  it.each([
    ['1234 Banyan St', '1234 Banyan St'],
    ['its 1234 banyan street', '1234 banyan street'],
    ['8765 Haven Ave, Rancho Cucamonga', '8765 Haven Ave, Rancho Cucamonga'],
    ['the house is at 10500 Civic Center Dr. thanks', '10500 Civic Center Dr'],
    ['9 W Foothill Blvd Apt 3', '9 W Foothill Blvd Apt 3'],
    [
      '7200 Etiwanda Ave #12, Rancho Cucamonga, CA 91739',
      '7200 Etiwanda Ave #12, Rancho Cucamonga, CA 91739',
    ],
    ['12455 Victoria Park Ln', '12455 Victoria Park Ln'],
    ['5678 Calle Vista', '5678 Calle Vista'],
    ['I want to sell 6543 Amethyst Ct in Alta Loma', '6543 Amethyst Ct'],
  ])('%j → %j', (text, address) => {
    expect(extractAddress(text)).toBe(address);
  });

  it.each([
    ['3 beds 2 baths'],
    ['2 car garage way too small'],
    ['we have 3 kids on the way'],
    ['hoping for 750k'],
    ['moving in 2 months'],
    ['Banyan St'],
  ])('%j has no address', (text) => {
    expect(extractAddress(text)).toBeNull();
  });
});
