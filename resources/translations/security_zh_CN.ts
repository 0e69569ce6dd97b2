<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>The books do NOT verify: {count} problem(s), listed above. Keep a copy of the database and tell the administrator; starpos audit verify --json lists every problem.</source>
      <translation>账目未通过核验：{count} 个问题，见上方列表。请保留数据库副本并告知管理员；starpos audit verify --json 会列出每个问题。</translation>
    </message>
  </context>
  <context>
    <name>audit</name>
    <message>
      <source>Audit entry {entry}: {problem}</source>
      <translation>审计条目 {entry}：{problem}</translation>
    </message>
    <message>
      <source>The ledger agrees with the audit log: {sales} sales and {operations} token operations checked.</source>
      <translation>账本与审计日志一致：已核对 {sales} 笔销售和 {operations} 项令牌操作。</translation>
    </message>
    <message>
      <source>{record}: {field} is {ledger} in the ledger but {audited} in the audit log.</source>
      <translation>{record}：{field} 在账本中为 {ledger}，而在审计日志中为 {audited}。</translation>
    </message>
    <message>
      <source>The audit log agrees with the anchor of {source} (entry {entry}).</source>
      <translation>审计日志与 {source} 的锚点一致（条目 {entry}）。</translation>
    </message>
    <message>
      <source>The audit log disagrees with the anchor of {source}: it anchored entry {entry}, the log holds {entries}. Entries were removed.</source>
      <translation>审计日志与 {source} 的锚点不一致：它锚定了条目 {entry}，日志只有 {entries} 条。有条目被删除。</translation>
    </message>
    <message>
      <source>The audit log disagrees with the anchor of {source}: entry {entry} is not the one it anchored. The history was rewritten.</source>
      <translation>审计日志与 {source} 的锚点不一致：条目 {entry} 不是它锚定的那一条。历史记录被改写。</translation>
    </message>
    <message>
      <source>{source} holds no audit anchor yet.</source>
      <translation>{source} 尚未持有审计锚点。</translation>
    </message>
    <message>
      <source>No secure module was asked: its anchor was not checked.</source>
      <translation>未询问安全模块：未核对其锚点。</translation>
    </message>
    <message>
      <source>The secure module could not be asked for its anchor: {reason}</source>
      <translation>无法向安全模块询问其锚点：{reason}</translation>
    </message>
  </context>
  <context>
    <name>login</name>
    <message>
      <source>other users may read it</source>
      <translation>其他用户可以读取它</translation>
    </message>
    <message>
      <source>another user owns it</source>
      <translation>它属于另一个用户</translation>
    </message>
    <message>
      <source>it is damaged</source>
      <translation>它已损坏</translation>
    </message>
    <message>
      <source>Password of operator {operator}: </source>
      <translation>操作员 {operator} 的密码：</translation>
    </message>
    <message>
      <source>Operator {operator} logged in until {until} (UTC). starpos logout ends it.</source>
      <translation>操作员 {operator} 已登录，至 {until}（UTC）。starpos logout 可结束登录。</translation>
    </message>
    <message>
      <source>Operator {operator} logged out.</source>
      <translation>操作员 {operator} 已登出。</translation>
    </message>
    <message>
      <source>No operator was logged in.</source>
      <translation>没有操作员登录。</translation>
    </message>
  </context>
</TS>
