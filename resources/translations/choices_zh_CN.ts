<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>choices</name>
    <message>
      <source>By times (every purchase)</source>
      <translation>按次（每次购电）</translation>
    </message>
    <message>
      <source>By amount (a percentage)</source>
      <translation>按金额（百分比）</translation>
    </message>
    <message>
      <source>Monthly</source>
      <translation>按月</translation>
    </message>
    <message>
      <source>Yearly</source>
      <translation>按年</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Percentage of the amount</source>
      <translation>按金额百分比</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <source>Cheque</source>
      <translation>支票</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>银行卡</translation>
    </message>
    <message>
      <source>Mobile money</source>
      <translation>移动支付</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>银行转账</translation>
    </message>
    <message>
      <source>Prepaid</source>
      <translation>预付费</translation>
    </message>
    <message>
      <source>Postpaid</source>
      <translation>后付费</translation>
    </message>
  </context>
  <context>
    <name>admin</name>
    <message>
      <source>Scheduled</source>
      <translation>已计划</translation>
    </message>
    <message>
      <source>{terms} from {day}</source>
      <translation>{day} 起 {terms}</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>{terms} from {day}</source>
      <translation>{day} 起 {terms}</translation>
    </message>
  </context>
</TS>
