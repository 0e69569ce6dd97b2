<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The printer {connection} did not print the voucher.</source>
        <translation>打印机 {connection} 未能打印凭条。</translation>
    </message>
    <message>
        <source>The printer {connection} was not found ({native}). Check that it is plugged in and switched on, and that the printer connection setting is right.</source>
        <translation>找不到打印机 {connection}（{native}）。请检查打印机已连接并开机，以及打印机连接设置是否正确。</translation>
    </message>
    <message>
        <source>The printer {connection} is offline ({native}). Switch it on or reconnect it, then print again.</source>
        <translation>打印机 {connection} 处于离线状态（{native}）。请开机或重新连接，然后重新打印。</translation>
    </message>
    <message>
        <source>The cover of the printer {connection} is open. Close it, then print again.</source>
        <translation>打印机 {connection} 的机盖已打开。请合上机盖，然后重新打印。</translation>
    </message>
    <message>
        <source>The printer {connection} is out of paper. Load a new roll, then print again.</source>
        <translation>打印机 {connection} 缺纸。请装入新纸卷，然后重新打印。</translation>
    </message>
    <message>
        <source>The printer {connection} reports an error ({native}). Clear it (paper jam, cutter), switch the printer off and on, then print again.</source>
        <translation>打印机 {connection} 报告错误（{native}）。请排除故障（卡纸、切刀），关闭并重新打开打印机，然后重新打印。</translation>
    </message>
    <message>
        <source>The printer {connection} did not answer within {seconds} seconds. Check the cable or network, then print again.</source>
        <translation>打印机 {connection} 在 {seconds} 秒内没有响应。请检查电缆或网络，然后重新打印。</translation>
    </message>
    <message>
        <source>The connection to the printer {connection} failed while printing ({native}); the voucher may be incomplete. Reprint it when the printer is ready.</source>
        <translation>打印过程中与打印机 {connection} 的连接中断（{native}）；凭条可能不完整。打印机就绪后请重新打印。</translation>
    </message>
    <message>
        <source>Printing over {kind} needs the Python package {package}, which is not installed. Install it or choose another printer connection.</source>
        <translation>通过 {kind} 打印需要 Python 软件包 {package}，但尚未安装。请安装该软件包或选择其他打印机连接方式。</translation>
    </message>
    <message>
        <source>The voucher cannot be printed: {reason}.</source>
        <translation>无法打印凭条：{reason}。</translation>
    </message>
    <message>
        <source>The printer connection {value!r} is not valid: {reason}. Use for example network:192.168.1.50:9100, usb:04b8:0202, serial:/dev/ttyUSB0:19200, file:/dev/usb/lp0, cups:QUEUE or virtual.</source>
        <translation>打印机连接 {value!r} 无效：{reason}。示例：network:192.168.1.50:9100、usb:04b8:0202、serial:/dev/ttyUSB0:19200、file:/dev/usb/lp0、cups:队列名 或 virtual。</translation>
    </message>
    <message>
        <source>The voucher template {path} is not valid: {reason}.</source>
        <translation>凭条模板 {path} 无效：{reason}。</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>*** REPRINT ***</source>
        <translation>*** 重印 ***</translation>
    </message>
    <message>
        <source>Bill No.</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer No.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>电表号</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>电量</translation>
    </message>
    <message>
        <source>Free basic electricity</source>
        <translation>免费基本电量</translation>
    </message>
    <message>
        <source>SGC</source>
        <translation>SGC</translation>
    </message>
    <message>
        <source>KRN</source>
        <translation>KRN</translation>
    </message>
    <message>
        <source>TI</source>
        <translation>TI</translation>
    </message>
    <message>
        <source>Credit token</source>
        <translation>购电码</translation>
    </message>
    <message>
        <source>Credit written to card</source>
        <translation>电量已写入卡</translation>
    </message>
    <message>
        <source>Key change token 1 of 2</source>
        <translation>换密码 1/2</translation>
    </message>
    <message>
        <source>Key change token 2 of 2</source>
        <translation>换密码 2/2</translation>
    </message>
    <message>
        <source>Engineering token</source>
        <translation>工程码</translation>
    </message>
    <message>
        <source>Replacement token</source>
        <translation>补发电码</translation>
    </message>
    <message>
        <source>Token cancel</source>
        <translation>取消电码</translation>
    </message>
    <message>
        <source>Energy charge</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>VAT 15%</source>
        <translation>增值税 15%</translation>
    </message>
    <message>
        <source>Debt recovery</source>
        <translation>欠款回收</translation>
    </message>
    <message>
        <source>Fixed charge</source>
        <translation>固定费用</translation>
    </message>
    <message>
        <source>Enter any older tokens first, then the key change tokens in order, then the credit token.</source>
        <translation>请先输入任何较早的令牌，然后按顺序输入密钥更换令牌，最后输入充值令牌。</translation>
    </message>
</context>
<context>
    <name>printer</name>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>test voucher printed on {connection} ({bytes} bytes)</source>
        <translation>测试凭条已在 {connection} 上打印（{bytes} 字节）</translation>
    </message>
    <message>
        <source>printed {path}</source>
        <translation>已打印 {path}</translation>
    </message>
    <message>
        <source>virtual printer listening on {host}:{port}, printing to {out}</source>
        <translation>虚拟打印机正在 {host}:{port} 上监听，输出到 {out}</translation>
    </message>
</context>
</TS>
