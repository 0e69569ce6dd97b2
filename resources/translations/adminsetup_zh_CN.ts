<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Setting a utility up from nothing in the administration (issue 12): a customer
     type's charges (F3 on the customer types) and registering a customer (F7 on the
     customers). -->
<context>
    <name>admin</name>
    <message>
        <source>&amp;Business:</source>
        <translation>业务(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;New customer… (F7)</source>
        <translation>新客户(&amp;N)…（F7）</translation>
    </message>
    <message>
        <source>At a token cancel</source>
        <translation>取消令牌时</translation>
    </message>
    <message>
        <source>At each sale</source>
        <translation>每次售电时</translation>
    </message>
    <message>
        <source>At registration</source>
        <translation>开户时</translation>
    </message>
    <message>
        <source>Charges of customer type {code}</source>
        <translation>客户类型 {code} 的费用</translation>
    </message>
    <message>
        <source>Register a customer</source>
        <translation>客户开户</translation>
    </message>
    <message>
        <source>Set up a customer type and a tariff first.</source>
        <translation>请先设置客户类型和电价。</translation>
    </message>
    <message>
        <source>Tick the charges this customer type pays in that business (Space).</source>
        <translation>勾选此类客户在该业务中需缴纳的费用（空格键）。</translation>
    </message>
    <message>
        <source>Type the customer's name.</source>
        <translation>请输入客户姓名。</translation>
    </message>
</context>
</TS>
