import { describe, expect, it } from 'vitest';
import { currencyDigits, moneyDecimal, moneyText, spreadsheetMoneyFormat, toMajor } from './money';

describe('money', () => {
  it('knows how many minor digits a currency has', () => {
    expect([currencyDigits('CNY'), currencyDigits('JPY'), currencyDigits('KWD'), currencyDigits('nope'), currencyDigits(null)]).toEqual([2, 0, 3, 2, 2]);
    expect(toMajor(123456, 'CNY')).toBe(1234.56);
    expect(toMajor(1234, 'JPY')).toBe(1234);
  });

  it('reads in each UI language with symbol and thousands separators, negatives included', () => {
    expect(moneyText(123456789, 'CNY', 'zh-CN')).toBe('¥1,234,567.89');
    expect(moneyText(123456789, 'CNY', 'zh-TW')).toBe('CN¥1,234,567.89');
    expect(moneyText(123456789, 'CNY', 'en')).toBe('CN¥1,234,567.89');
    expect(moneyText(-50050, 'CNY', 'zh-CN')).toBe('-¥500.50');
    expect(moneyText(-50050, 'CNY', 'en')).toBe('-CN¥500.50');
    expect(moneyText(123456, 'TWD', 'zh-TW')).toBe('$1,234.56');
    expect(moneyText(-99, 'USD', 'zh-CN')).toBe('-US$0.99');
    expect(moneyText(1234, 'JPY', 'en')).toBe('¥1,234');
    // An average of minor units carries fractions: rounded to the currency's digits.
    expect(moneyText(33333.333, 'CNY', 'zh-CN')).toBe('¥333.33');
    expect(moneyText(100, 'XYZ1', 'en')).toBe('1.00 XYZ1');
  });

  it('is a plain decimal for CSV and a symbol format for spreadsheets', () => {
    expect(moneyDecimal(-50050, 'CNY')).toBe('-500.50');
    expect(moneyDecimal(123456789, 'CNY')).toBe('1234567.89');
    expect(moneyDecimal(1234, 'JPY')).toBe('1234');
    expect(spreadsheetMoneyFormat('CNY', 'zh-CN')).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    expect(spreadsheetMoneyFormat('JPY', 'en')).toBe('"¥"#,##0;-"¥"#,##0');
  });
});
