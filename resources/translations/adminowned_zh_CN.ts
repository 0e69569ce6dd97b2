<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- The administration on a counter enrolled with a head office: read only, and why (decision BO-28, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>This counter belongs to the head office at {server}, which owns the master data: these screens only show it. Make changes in the head office's back office; they reach this counter at the next sync.</source>
        <translation>本柜台隶属于总部 {server}，基础数据归总部所有：这些界面只供查看。请在总部的后台进行修改；修改将在下次同步时到达本柜台。</translation>
    </message>
</context>
</TS>
