<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Checked bills: the core, the commands and the meter history (manual 3.1, issue 12). -->
<context>
    <name>errors</name>
    <message>
        <source>There is no stock bill {bill}. Check the number in the meter's history.</source>
        <translation>没有库存单据 {bill}。请在电表历史中核对单据号。</translation>
    </message>
    <message>
        <source>Bill {bill} is checked and cannot change. Someone with the permission to uncheck bills must uncheck it first.</source>
        <translation>单据 {bill} 已审核，不能再修改。须由有反审核权限的人员先反审核。</translation>
    </message>
    <message>
        <source>Bill {bill} is already checked (by {operator}, {when}).</source>
        <translation>单据 {bill} 已审核（{operator}，{when}）。</translation>
    </message>
    <message>
        <source>Bill {bill} is not checked: there is nothing to uncheck.</source>
        <translation>单据 {bill} 未审核：无需反审核。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Bill checked</source>
        <translation>单据已审核</translation>
    </message>
    <message>
        <source>Bill unchecked</source>
        <translation>单据已反审核</translation>
    </message>
</context>
</TS>
