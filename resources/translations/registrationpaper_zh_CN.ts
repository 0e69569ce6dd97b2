<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- The registration bill's paper from the administration window: printed, printed again, or shown and saved as PDF (decision BO-27, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>Bill {bill} printed (print {count}).</source>
        <translation>单据 {bill} 已打印（第 {count} 次）。</translation>
    </message>
    <message>
        <source>&amp;Print bill again (F8)</source>
        <translation>重新打印单据(&amp;P) (F8)</translation>
    </message>
    <message>
        <source>Show &amp;bill… (F8)</source>
        <translation>显示单据(&amp;B)… (F8)</translation>
    </message>
    <message>
        <source>Registration bill {bill}</source>
        <translation>开户单据 {bill}</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
</TS>
