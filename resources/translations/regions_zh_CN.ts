<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Region levels and the region tree: the core, the commands and the screen (manual 1.2-1.3, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Region levels</source>
        <translation>区域级别</translation>
    </message>
    <message>
        <source>Region levels: {levels}</source>
        <translation>区域级别：{levels}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Level {level}</source>
        <translation>第 {level} 级</translation>
    </message>
    <message>
        <source>Level &amp;{level}</source>
        <translation>第 {level} 级(&amp;{level})</translation>
    </message>
    <message>
        <source>Number of &amp;levels</source>
        <translation>级别数(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;In region</source>
        <translation>所属区域(&amp;I)</translation>
    </message>
    <message>
        <source>— none (a level-1 region)</source>
        <translation>— 无（第 1 级区域）</translation>
    </message>
    <message>
        <source>New region</source>
        <translation>新增区域</translation>
    </message>
    <message>
        <source>Region {code}</source>
        <translation>区域 {code}</translation>
    </message>
    <message>
        <source>{count} regions</source>
        <translation>{count} 个区域</translation>
    </message>
    <message>
        <source>&amp;Levels (F4)</source>
        <translation>级别(&amp;L)（F4）</translation>
    </message>
    <message>
        <source>A part of a region's code or name</source>
        <translation>区域编码或名称的一部分</translation>
    </message>
    <message>
        <source>Delete region {code} ({name})?</source>
        <translation>删除区域 {code}（{name}）？</translation>
    </message>
    <message>
        <source>A region's level follows from the region it is in; a region moves with the regions under it.</source>
        <translation>区域的级别由其所属区域决定；移动区域时，其下属区域随之移动。</translation>
    </message>
    <message>
        <source>Fewer levels than a region is at are refused: move or delete those regions first.</source>
        <translation>级别数不能少于现有区域所在的级别：请先移动或删除这些区域。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Region levels: {levels}</source>
        <translation>区域级别：{levels}</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未命名）</translation>
    </message>
    <message>
        <source>No regions yet.</source>
        <translation>尚无区域。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Region level {level} has no name yet. Name the level first.</source>
        <translation>第 {level} 级区域尚未命名。请先为该级别命名。</translation>
    </message>
    <message>
        <source>Region {code} cannot be at level {level}: the system has {levels} region levels. Choose a parent at a higher level.</source>
        <translation>区域 {code} 不能位于第 {level} 级：系统只有 {levels} 个区域级别。请选择更高级别的上级区域。</translation>
    </message>
    <message>
        <source>Region {code} cannot move under {parent}: {parent} is {code} or a region under it.</source>
        <translation>区域 {code} 不能移到 {parent} 之下：{parent} 就是 {code} 或其下属区域。</translation>
    </message>
    <message>
        <source>Save the system parameters (company and currency) first.</source>
        <translation>请先保存系统参数（公司和币种）。</translation>
    </message>
    <message>
        <source>The system cannot have {levels} region levels: {count} regions are at level {level}. Move or delete them first.</source>
        <translation>系统不能只有 {levels} 个区域级别：有 {count} 个区域位于第 {level} 级。请先移动或删除它们。</translation>
    </message>
    <message>
        <source>There is no region level {level}: the system has {levels} (1 to {levels}).</source>
        <translation>没有第 {level} 级区域：系统共有 {levels} 级（1 至 {levels}）。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Region levels</source>
        <translation>区域级别</translation>
    </message>
    <message>
        <source>branches</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>give a number from 1 to 5.</source>
        <translation>请输入 1 至 5 的数字。</translation>
    </message>
    <message>
        <source>it is too long.</source>
        <translation>太长了。</translation>
    </message>
    <message>
        <source>regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>regions under it</source>
        <translation>下属区域</translation>
    </message>
</context>
</TS>
