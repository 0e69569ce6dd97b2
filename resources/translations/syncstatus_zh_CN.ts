<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>status</name>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation>自 {time} 起离线</translation>
    </message>
    <message>
        <source>Head office: {state}</source>
        <translation>总部：{state}</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} 条待发送</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
</context>
</TS>
