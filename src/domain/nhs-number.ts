// NHS numbers: ten digits, the last a modulus 11 check digit (NHS Data Dictionary).

/** The ten digits of a valid NHS number (spaces allowed in the input), or null. */
export function normaliseNhsNumber(input: string): string | null {
  const digits = input.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]) ? digits : null;
}
