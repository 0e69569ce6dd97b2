<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>{text} is not a number. Type digits 0-9 with at most one '.' before the decimals, like 12.5.</source>
      <translation>{text} 不是数字。请输入数字 0-9，小数前最多一个“.”，例如 12.5。</translation>
    </message>
    <message>
      <source>{text} is not an amount. Type digits 0-9 with at most one '.' before the decimals, like 25.00.</source>
      <translation>{text} 不是金额。请输入数字 0-9，小数前最多一个“.”，例如 25.00。</translation>
    </message>
    <message>
      <source>{text} is not an amount of energy. Type kWh in digits 0-9 in steps of 0.1 kWh, like 12.5.</source>
      <translation>{text} 不是电量。请用数字 0-9 输入千瓦时，以 0.1 kWh 为步长，例如 12.5。</translation>
    </message>
    <message>
      <source>{text} kWh is finer than the meters count: energy goes in steps of 0.1 kWh.</source>
      <translation>{text} kWh 比电表的计量更精细：电量以 0.1 kWh 为步长。</translation>
    </message>
    <message>
      <source>{text} is not a whole number. Type digits 0-9 only, like 10.</source>
      <translation>{text} 不是整数。请只输入数字 0-9，例如 10。</translation>
    </message>
    <message>
      <source>{text} has too many decimals: at most {decimals} are allowed here.</source>
      <translation>{text} 的小数位太多：这里最多允许 {decimals} 位。</translation>
    </message>
    <message>
      <source>{text} is out of range: give a number from {minimum} to {maximum}.</source>
      <translation>{text} 超出范围：请输入 {minimum} 到 {maximum} 之间的数。</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>internal error ({kind}); the error log could not be written either ({reason})</source>
      <translation>内部错误（{kind}）；错误日志也无法写入（{reason}）</translation>
    </message>
  </context>
</TS>
