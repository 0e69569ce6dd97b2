<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>status</name>
    <message>
        <source>credit received {time}</source>
        <translation>已收到额度 {time}</translation>
    </message>
    <message>
        <source>⚠ credit block not applied</source>
        <translation>⚠ 额度块未应用</translation>
    </message>
    <message>
        <source>credit block waiting</source>
        <translation>额度块等待中</translation>
    </message>
    <message>
        <source>Credit from the head office ({operator}) applied {time}: module {module} has {balance} kWh.</source>
        <translation>总部额度（{operator}）已于 {time} 应用：模块 {module} 现有 {balance} kWh。</translation>
    </message>
    <message numerus="yes">
        <source>{count} credit blocks from the head office wait: a sale was using the module. They are applied at the next sync.</source>
        <translation>
            <numerusform>{count} 个总部额度块在等待：当时有销售正在使用模块。将在下次同步时应用。</numerusform>
        </translation>
    </message>
</context>
</TS>
