<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Names of the master data shown to the customer (payment terms, meter models, charge
     items, tariffs), here the demo utility's. A utility adds its own names the same way:
     the screen and the voucher show the translation, or the name as written when there
     is none (docs/decisions.md, "master data names"). -->
<context>
    <name>masterdata</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Mobile money</source>
        <translation>手机支付</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Star keypad single phase</source>
        <translation>Star 单相键盘表</translation>
    </message>
    <message>
        <source>Star keypad three phase</source>
        <translation>Star 三相键盘表</translation>
    </message>
    <message>
        <source>Star card single phase</source>
        <translation>Star 单相卡表</translation>
    </message>
    <message>
        <source>Star post-paid single phase</source>
        <translation>Star 单相后付费表</translation>
    </message>
    <message>
        <source>Monthly service charge</source>
        <translation>月服务费</translation>
    </message>
    <message>
        <source>Meter rental</source>
        <translation>电表租金</translation>
    </message>
    <message>
        <source>Street lighting levy</source>
        <translation>路灯费</translation>
    </message>
    <message>
        <source>Yearly grid access fee</source>
        <translation>年度入网费</translation>
    </message>
    <message>
        <source>Registration fee</source>
        <translation>开户费</translation>
    </message>
    <message>
        <source>Token cancel fee</source>
        <translation>购电码撤销费</translation>
    </message>
    <message>
        <source>Meter replacement fee</source>
        <translation>换表费</translation>
    </message>
    <message>
        <source>Residential step tariff</source>
        <translation>居民阶梯电价</translation>
    </message>
    <message>
        <source>Lifeline flat tariff</source>
        <translation>低保单一电价</translation>
    </message>
    <message>
        <source>Commercial flat tariff</source>
        <translation>商业单一电价</translation>
    </message>
    <message>
        <source>Industrial time of use</source>
        <translation>工业分时电价</translation>
    </message>
    <message>
        <source>Receivable amount</source>
        <translation>应收金额（后付费欠款）</translation>
    </message>
    <message>
        <source>Remain amount returned</source>
        <translation>退还剩余金额</translation>
    </message>
    <message>
        <source>Debt repaid twice, returned</source>
        <translation>重复偿还的欠款，已退还</translation>
    </message>
</context>
</TS>
