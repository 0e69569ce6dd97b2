<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>{what} {code} cannot change from {when}: {count} sales were already priced with it after that. Give a later date, or none to change it from now.</source>
      <translation>{what} {code} 不能从 {when} 起更改：此后已有 {count} 笔销售按其计价。请给出更晚的日期，或不填日期以从现在起更改。</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>in force</source>
      <translation>生效中</translation>
    </message>
  </context>
  <context>
    <name>admin</name>
    <message>
      <source>Prices from</source>
      <translation>计价起始日</translation>
    </message>
    <message>
      <source>in force</source>
      <translation>生效中</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>from the start</source>
      <translation>自开始起</translation>
    </message>
  </context>
</TS>
