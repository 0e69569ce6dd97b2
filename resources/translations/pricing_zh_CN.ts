<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>The sale could not be priced.</source>
      <translation>无法为本次售电计价。</translation>
    </message>
    <message>
      <source>The amount {amount} is not a valid amount in this currency: it must not be negative and may have at most {decimals} decimal places.</source>
      <translation>金额 {amount} 不是该货币的有效金额：不能为负数，且最多只能有 {decimals} 位小数。</translation>
    </message>
    <message>
      <source>The net amount {net} is too small: after the charges and debt due on this sale it leaves nothing to buy energy with; ask for at least {minimum}.</source>
      <translation>净额 {net} 太少：扣除本次售电应收的费用和欠款后已无余额购电；请至少收取 {minimum}。</translation>
    </message>
    <message>
      <source>{kwh} kWh is more than one token can carry (at most {maximum} kWh); sell a smaller amount and vend the rest on another token.</source>
      <translation>{kwh} kWh 超过了一个购电码所能承载的电量（最多 {maximum} kWh）；请减少金额，其余部分用另一个购电码售出。</translation>
    </message>
    <message>
      <source>The tariff {tariff} has no version in force on {when}; ask an administrator to give the tariff a price that starts on or before that date.</source>
      <translation>电价 {tariff} 在 {when} 没有生效的版本；请管理员为该电价设置一个在该日期或之前生效的价格。</translation>
    </message>
    <message>
      <source>The pricing setting {name} is not valid: {reason}. Ask an administrator to fix it.</source>
      <translation>计价设置 {name} 无效：{reason}。请管理员修正。</translation>
    </message>
    <message>
      <source>The energy {kwh} kWh is not valid: ask for a positive number of kWh.</source>
      <translation>电量 {kwh} kWh 无效：请输入一个正的千瓦时数。</translation>
    </message>
  </context>
  <context>
    <name>pricing</name>
    <message>
      <source>Amount</source>
      <translation>售电金额</translation>
    </message>
    <message>
      <source>Taxed charges</source>
      <translation>含税费用</translation>
    </message>
    <message>
      <source>Untaxed charges</source>
      <translation>不含税费用</translation>
    </message>
    <message>
      <source>VAT</source>
      <translation>增值税</translation>
    </message>
    <message>
      <source>Debt repayment</source>
      <translation>欠款还款</translation>
    </message>
    <message>
      <source>Pre-installed amount</source>
      <translation>预装金额</translation>
    </message>
    <message>
      <source>Prearrange amount</source>
      <translation>预约金额</translation>
    </message>
    <message>
      <source>Net amount</source>
      <translation>净额</translation>
    </message>
    <message>
      <source>Energy bought (kWh)</source>
      <translation>购买电量 (kWh)</translation>
    </message>
    <message>
      <source>Free basic electricity (kWh)</source>
      <translation>免费基本电量 (kWh)</translation>
    </message>
    <message>
      <source>Token energy (kWh)</source>
      <translation>购电码电量 (kWh)</translation>
    </message>
    <message>
      <source>The net amount is above the warn amount: confirm it before vending.</source>
      <translation>净额超过了警示金额：售电前请确认。</translation>
    </message>
  </context>
</TS>
