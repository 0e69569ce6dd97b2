<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- The register charge with payment and change (manual 3.3 d, 4.3; decision BO-21). -->
<context>
    <name>errors</name>
    <message>
        <source>{paid} does not pay the register charge of {due}. Take at least {due} from the customer.</source>
        <translation>{paid} 不足以支付开户费用 {due}。请向客户至少收取 {due}。</translation>
    </message>
    <message>
        <source>No registration has the bill number {bill}. Check the number on the bill.</source>
        <translation>没有单据号为 {bill} 的开户记录。请核对单据上的号码。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>registration</source>
        <translation>开户</translation>
    </message>
</context>
</TS>
