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
<context>
    <name>tokenops</name>
    <message>
        <source>Meter {meter}: tariff {tariff}, SGC {sgc}, KRN {krn}, TI {ti}</source>
        <translation>电表 {meter}：费率 {tariff}，SGC {sgc}，KRN {krn}，TI {ti}</translation>
    </message>
    <message>
        <source>Meter contract added to the customer.</source>
        <translation>已为客户新增电表合同。</translation>
    </message>
    <message>
        <source>No register charge for this customer type.</source>
        <translation>该客户类型无开户费用。</translation>
    </message>
    <message>
        <source>Registration bill</source>
        <translation>开户单据</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>Register charge</source>
        <translation>开户费用</translation>
    </message>
    <message>
        <source>The registration bill {bill} was printed (print {count}).</source>
        <translation>开户单据 {bill} 已打印（第 {count} 次）。</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>Customer registration</source>
        <translation>客户开户</translation>
    </message>
</context>
</TS>
