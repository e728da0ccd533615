<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FieldEditors</name>
    <message>
        <location filename="../client/intake/fieldeditors.cpp" line="+32"/>
        <source>Yuan, e.g. 5000.00</source>
        <translation>元，如 5000.00</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2026-12-01</translation>
    </message>
</context>
<context>
    <name>HousingFund</name>
    <message>
        <location filename="../plugins/housingfund/housingfundplugin.cpp" line="+30"/>
        <source>The housing fund plugin needs the connection to the server.</source>
        <translation>公积金插件需要连接服务器。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not a valid unified social credit code: it must have 18 characters.</source>
        <translation>统一社会信用代码无效：应为 18 位。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid unified social credit code: only digits and the capital letters A to Y without I, O, S, V and Z may be used.</source>
        <translation>统一社会信用代码无效：只能使用数字和除 I、O、S、V、Z 以外的大写字母 A 至 Y。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid unified social credit code: characters 3 to 8 must be the digits of a region code.</source>
        <translation>统一社会信用代码无效：第 3 至 8 位应为行政区划代码数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid unified social credit code: the check character does not match.</source>
        <translation>统一社会信用代码无效：校验码不符。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+4"/>
        <source>Today&apos;s housing fund cases</source>
        <translation>今日公积金办件</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n housing fund case(s) accepted today, %1.</source>
        <translation>
            <numerusform>%1 今日受理公积金办件 %n 件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../client/intake/intakepage.cpp" line="+1217"/>
        <source>Materials are missing.</source>
        <translation>材料不齐全。</translation>
    </message>
</context>
<context>
    <name>MarketRegulation</name>
    <message>
        <location filename="../plugins/market/businessscopeedit.cpp" line="+37"/>
        <source>Industry codes</source>
        <translation>行业代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry codes, e.g. C1742；F5132</source>
        <translation>行业代码，如 C1742；F5132</translation>
    </message>
    <message>
        <location filename="../plugins/market/marketplugin.cpp" line="+58"/>
        <source>Not a valid registered capital: write the amount in 10,000 yuan in digits, e.g. 100 or 12.5, without a sign, spaces or separators.</source>
        <translation>注册资本无效：请以万元为单位用数字填写，如 100 或 12.5，不带正负号、空格或分隔符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid registered capital: at most six decimals (10,000 yuan to the fen).</source>
        <translation>注册资本无效：最多六位小数（以万元计，精确到分）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid registered capital: it must be more than zero.</source>
        <translation>注册资本无效：应大于零。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid registered capital: more than 100,000,000 (in 10,000 yuan). Was it typed in yuan?</source>
        <translation>注册资本无效：超过 100000000 万元，是否误按元填写？</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not a valid business scope: give at least one industry code, e.g. C1742.</source>
        <translation>经营范围无效：请至少填写一个行业代码，如 C1742。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid business scope: “%1” is not an industry code (a letter and four digits, e.g. C1742).</source>
        <translation>经营范围无效：“%1”不是行业代码（一个字母加四位数字，如 C1742）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a valid business scope: in “%1” the letter is not the section of the industry its digits name.</source>
        <translation>经营范围无效：“%1”中的字母与其数字所属的行业门类不符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a valid business scope: “%1” is not an industry this hall registers.</source>
        <translation>经营范围无效：“%1”不是本大厅登记的行业。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid business scope: “%1” is given twice.</source>
        <translation>经营范围无效：“%1”重复填写。</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+5"/>
        <source>Today&apos;s establishments</source>
        <translation>今日设立登记</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n establishment(s) accepted today, %1; enterprises: %2.</source>
        <translation>
            <numerusform>%1受理设立登记 %n 件，其中企业 %2 件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plugins/market/shareholderspage.cpp" line="+88"/>
        <source>&amp;Add shareholder</source>
        <translation>添加股东(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve shareholder</source>
        <translation>删除股东(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名（名称）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number or credit code</source>
        <translation>身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contribution (10,000 yuan)</source>
        <translation>认缴出资额（万元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+114"/>
        <source>Shareholders</source>
        <translation>股东</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Shareholder columns</source>
        <translation>股东列</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add shareholder</source>
        <translation>添加股东</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove shareholder</source>
        <translation>删除股东</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Shareholders and their contributions</source>
        <translation>股东（发起人）及出资情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contributions the shareholders subscribe add up to the registered capital.</source>
        <translation>各股东认缴出资额合计应等于注册资本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered capital (10,000 yuan)</source>
        <translation>注册资本（万元）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contributions</source>
        <translation>出资情况</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registered &amp;capital (10,000 yuan):</source>
        <translation>注册资本（万元）(&amp;C)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add at least one shareholder.</source>
        <translation>请至少添加一名股东。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shareholder %1 has no name.</source>
        <translation>第 %1 名股东未填写姓名（名称）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shareholder %1: %2 is neither a valid ID number nor a valid credit code.</source>
        <translation>第 %1 名股东：%2 既不是有效的身份证号码，也不是有效的统一社会信用代码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shareholder %1: the contribution is not an amount in 10,000 yuan, such as 60 or 12.5.</source>
        <translation>第 %1 名股东：认缴出资额不是以万元计的金额，如 60 或 12.5。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The contributions add up to %1 (10,000 yuan), the registered capital is %2.</source>
        <translation>认缴出资额合计 %1 万元，注册资本为 %2 万元，二者不一致。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n shareholder(s); the contributions add up to %1 (10,000 yuan), the registered capital.</source>
        <translation>
            <numerusform>股东 %n 名，认缴出资额合计 %1 万元，与注册资本一致。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MedicalInsurance</name>
    <message>
        <location filename="../plugins/medicalinsurance/medicalinsuranceplugin.cpp" line="+44"/>
        <source>Not a valid social security number: it is the insured person&apos;s citizen ID number, 18 characters long.</source>
        <translation>社会保障号码无效：社会保障号码即参保人的公民身份号码，应为 18 位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid social security number: 17 digits, then a digit or X.</source>
        <translation>社会保障号码无效：应为 17 位数字加一位数字或 X。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid social security number: characters 7 to 14 must be the insured person&apos;s birth date.</source>
        <translation>社会保障号码无效：第 7 至 14 位应为参保人的出生日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid social security number: the check character does not match; compare it with the insured person&apos;s social security card.</source>
        <translation>社会保障号码无效：校验码不符，请与参保人的社会保障卡核对。</translation>
    </message>
</context>
<context>
    <name>PluginSpec</name>
    <message>
        <location filename="../client/pluginhost/pluginspec.cpp" line="+40"/>
        <source>Not a Qt plugin: the file has no plugin metadata.</source>
        <translation>不是 Qt 插件：文件中没有插件元数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a OneWindow department plugin: its interface is &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>不是 OneWindow 部门插件：其接口为“%1”，而不是“%2”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The plugin has no metadata: its Q_PLUGIN_METADATA names no JSON file.</source>
        <translation>插件没有元数据：其 Q_PLUGIN_METADATA 未指定 JSON 文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The metadata has no Id.</source>
        <translation>元数据缺少 Id。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The metadata has no Version.</source>
        <translation>元数据缺少 Version。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version &quot;%1&quot; is not a version such as 1.2.0.</source>
        <translation>版本“%1”不是形如 1.2.0 的版本号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CompatVersion &quot;%1&quot; is not a version such as 1.2.0.</source>
        <translation>兼容版本“%1”不是形如 1.2.0 的版本号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CompatVersion %1 is newer than Version %2.</source>
        <translation>兼容版本 %1 比版本 %2 更新。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dependencies must be a list.</source>
        <translation>Dependencies 必须是列表。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A dependency has no Id.</source>
        <translation>有一项依赖缺少 Id。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dependency on %1 has no valid Version.</source>
        <translation>对 %1 的依赖没有有效的版本号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid metadata: %1</source>
        <translation>元数据无效：%1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Read</source>
        <translation>已读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved</source>
        <translation>已解析</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Initialized</source>
        <translation>已初始化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
</context>
<context>
    <name>PublicSecurity</name>
    <message>
        <location filename="../plugins/publicsecurity/publicsecurityplugin.cpp" line="+34"/>
        <source>Not a valid birth medical certificate number: it has ten characters, a letter and nine digits, e.g. X320101001.</source>
        <translation>出生医学证明编号无效：应为 10 位，即一位字母加九位数字，如 X320101001。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid birth medical certificate number: a letter, then nine digits, e.g. X320101001.</source>
        <translation>出生医学证明编号无效：应为一位字母加九位数字，如 X320101001。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid birth medical certificate number: the first two digits are the code of the province that issued it, e.g. 32 for Jiangsu.</source>
        <translation>出生医学证明编号无效：前两位数字应为签发省份的代码，如江苏为 32。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../client/admin/userspage.cpp" line="+37"/>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>RealEstate</name>
    <message>
        <location filename="../plugins/realestate/realestateplugin.cpp" line="+44"/>
        <source>Not a valid property certificate number: it begins with the abbreviation of the province, e.g. 苏.</source>
        <translation>不动产权证书号无效：应以省份简称开头，如“苏”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid property certificate number: the year of registration follows in parentheses, from 2015 to this year, e.g. (2026).</source>
        <translation>不动产权证书号无效：省份简称后应为括号内的登记年份（2015 年至今年），如“(2026)”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid property certificate number: the city or county that registered it follows the year, in two to twenty Chinese characters, e.g. 吴江区.</source>
        <translation>不动产权证书号无效：年份后应为办理登记的市、县（区）名称，2 至 20 个汉字，如“吴江区”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid property certificate number: it ends in 不动产权第, seven digits and 号, e.g. 不动产权第0001234号.</source>
        <translation>不动产权证书号无效：应以“不动产权第”、七位数字和“号”结尾，如“不动产权第0001234号”。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../forms/signindialog.ui" line="+9"/>
        <location line="+3"/>
        <source>Sign in to OneWindow</source>
        <translation>登录一窗通</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OneWindow · one-window service counter</source>
        <translation>一窗通 · 一窗受理综合窗口</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://onewindow.example:8443</source>
        <translation>https://onewindow.example:8443</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign-in error</source>
        <translation>登录错误</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../client/sync/syncpage.cpp" line="+61"/>
        <source>The intake taken in offline could not be accepted when it reached the server.</source>
        <translation>离线受理的申请上传至服务器时未能受理。</translation>
    </message>
</context>
<context>
    <name>Taxation</name>
    <message>
        <location filename="../plugins/tax/taxplugin.cpp" line="+34"/>
        <source>Not a valid taxpayer identification number: an enterprise&apos;s is its unified social credit code, 18 characters long.</source>
        <translation>纳税人识别号无效：企业的纳税人识别号即统一社会信用代码，应为 18 位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid taxpayer identification number: only digits and the capital letters A to Y without I, O, S, V and Z.</source>
        <translation>纳税人识别号无效：只能使用数字和除 I、O、S、V、Z 以外的大写字母 A 至 Y。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid taxpayer identification number: characters 3 to 8 are the digits of the region of registration.</source>
        <translation>纳税人识别号无效：第 3 至 8 位应为登记地的行政区划代码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid taxpayer identification number: the check character does not match; compare it with the business licence.</source>
        <translation>纳税人识别号无效：校验码不符，请与营业执照核对。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::AsyncFiles</name>
    <message>
        <location filename="../client/admin/asyncfiles.cpp" line="+29"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not an object</source>
        <translation>不是 JSON 对象</translation>
    </message>
</context>
<context>
    <name>onewindow::client::AuditPage</name>
    <message numerus="yes">
        <location filename="../client/admin/auditpage.cpp" line="+115"/>
        <source>The newest %n entries; scroll down for more.</source>
        <translation>
            <numerusform>最近 %n 条；向下滚动查看更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entries.</source>
        <translation>
            <numerusform>共 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The last day is before the first.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking every chain of the audit trail…</source>
        <translation>正在校验审计日志的每一条链…</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The audit trail is intact: %n entries checked, no chain broken. There is no checkpoint yet, so the removal of the last entries could not be checked.</source>
        <translation>
            <numerusform>审计日志完好：已校验 %n 条记录，没有断链。尚无检查点，因此无法确认末尾的记录是否被删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The audit trail is intact: %n entries checked, no chain broken, nothing missing that the checkpoint of %1 recorded.</source>
        <translation>
            <numerusform>审计日志完好：已校验 %n 条记录，没有断链，%1 的检查点所记录的内容无一缺失。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The audit trail was changed: entry %1 does not match its chain (edited, written again without the audit key, or an entry before it removed). Report it to the security administrator.</source>
        <translation>审计日志已被改动：第 %1 条记录与其所在的链不符（被修改、未用审计密钥重写，或其前面的记录被删除）。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit trail was changed: case %1 was created but is no longer in the database. Report it to the security administrator.</source>
        <translation>审计日志已被改动：办件 %1 曾经创建，但已不在数据库中。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit trail was changed: entries of case %1 were removed. Report it to the security administrator.</source>
        <translation>审计日志已被改动：办件 %1 的记录被删除。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit trail was changed: it is shorter than the checkpoint of %1 recorded, its last entries were removed. Report it to the security administrator.</source>
        <translation>审计日志已被改动：日志比 %1 的检查点所记录的短，末尾的记录被删除。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit trail was changed: it does not hold what the checkpoint of %1 recorded at entry %2. Report it to the security administrator.</source>
        <translation>审计日志已被改动：第 %2 条记录与 %1 的检查点所记录的不符。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit trail was changed: it holds fewer entries than the checkpoint of %1 counted, entries were removed. Report it to the security administrator.</source>
        <translation>审计日志已被改动：记录条数少于 %1 的检查点所统计的，有记录被删除。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The checkpoint file was changed: a checkpoint in it is not signed with the audit key. Report it to the security administrator.</source>
        <translation>检查点文件已被改动：其中有检查点未经审计密钥签名。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit trail was changed (%1). Report it to the security administrator.</source>
        <translation>审计日志已被改动（%1）。请报告安全管理员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>audit-%1.csv</source>
        <translation>审计日志-%1.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exporting… %n entries so far</source>
        <translation>
            <numerusform>正在导出… 已取得 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Who:</source>
        <translation>操作人(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who acted</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ase:</source>
        <translation>办件(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ac&amp;tion:</source>
        <translation>操作(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. sign_in_failed</source>
        <translation>例如 sign_in_failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;o:</source>
        <translation>至(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the audit trail</source>
        <translation>查询审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify chains</source>
        <translation>校验完整性(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the audit trail</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>onewindow::client::BundleDialog</name>
    <message>
        <location filename="../client/admin/placespage.cpp" line="+135"/>
        <source>New bundle</source>
        <translation>新建一件事</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bundle %1</source>
        <translation>一件事 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundle code</source>
        <translation>一件事编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle name</source>
        <translation>一件事名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters of the bundle</source>
        <translation>一件事包含的事项</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>C&amp;ode:</source>
        <translation>编码(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Matters (Space ticks):</source>
        <translation>事项(&amp;M)（空格勾选）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the bundle</source>
        <translation>保存一件事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>A bundle needs a code and a name.</source>
        <translation>一件事须有编码和名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick two matters or more: a bundle is applied for together.</source>
        <translation>请勾选两个或更多事项：一件事是一并申请的多个事项。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::CalendarPage</name>
    <message>
        <location filename="../client/admin/calendarpage.cpp" line="+47"/>
        <location line="+124"/>
        <source>Import the year&apos;s official schedule</source>
        <translation>导入全年官方安排</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1: %2, a holiday</source>
        <translation>%1：%2，放假</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: a working day (weekend day moved)</source>
        <translation>%1：调休上班</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No holiday and no moved working day this month.</source>
        <translation>本月无节假日，无调休。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The schedule names no year (&quot;year&quot;: 2027).</source>
        <translation>安排中未写年份（&quot;year&quot;: 2027）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The schedule of %1 was not taken: %2</source>
        <translation>%1 年安排未导入：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The calendar of %1 is now the official schedule: %2 holiday days, %3 weekend days worked. Due dates from now on count over it; cases accepted before keep theirs.</source>
        <translation>%1 年日历已按官方安排更新：放假 %2 天，调休上班 %3 天。此后的期限按新日历计算；此前受理的办件期限不变。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>%1 is not a schedule in JSON: %2</source>
        <translation>%1 不是 JSON 格式的放假安排：%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days of the month</source>
        <translation>本月日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the month</source>
        <translation>选择月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the year</source>
        <translation>选择年份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Holidays and moved working days of the month</source>
        <translation>本月节假日和调休</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import the year&apos;s schedule…</source>
        <translation>导入全年安排(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::CaseDialog</name>
    <message>
        <location filename="../client/deficiencies/casedialog.cpp" line="+40"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Case summary</source>
        <translation>办件概要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deficient material</source>
        <translation>容缺材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deficiencies and their history</source>
        <translation>容缺材料及其经过</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Case %1: %2</source>
        <translation>办件 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant: %1, phone %2</source>
        <translation>申请人：%1，电话 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised by %1, legal limit %2</source>
        <translation>承诺办结日 %1，法定办结日 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clock stopped since %1: %2</source>
        <translation>自 %1 起暂停计时：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Clock stopped %1 to %2 (%n working day(s) added): %3</source>
        <translation>
            <numerusform>%1 至 %2 暂停计时（顺延 %n 个工作日）：%3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terminated %1: a deficient material did not come in time.</source>
        <translation>%1 已终止办理：容缺材料未按期补齐。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::CasesPage</name>
    <message>
        <location filename="../client/pages.cpp" line="+106"/>
        <source>No cases.</source>
        <translation>暂无办件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>onewindow::client::CatalogPage</name>
    <message>
        <location line="+45"/>
        <source>Working from the saved copy of the catalog: %1</source>
        <translation>正在使用本地保存的事项目录：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Find a matter:</source>
        <translation>查找事项(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code, name or pinyin initials, e.g. gjj</source>
        <translation>编码、名称或拼音首字母，如 gjj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a matter</source>
        <translation>查找事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Update catalog</source>
        <translation>更新目录(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update catalog</source>
        <translation>更新目录</translation>
    </message>
</context>
<context>
    <name>onewindow::client::CenterDialog</name>
    <message>
        <location filename="../client/admin/placespage.cpp" line="-132"/>
        <source>New centre</source>
        <translation>新建中心</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Centre %1</source>
        <translation>中心 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centre code</source>
        <translation>中心编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre name</source>
        <translation>中心名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hall (行政审批局)</source>
        <translation>大厅（行政审批局）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Village centre (便民服务中心)</source>
        <translation>村（社区）便民服务中心</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its hall</source>
        <translation>所属大厅</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;ode:</source>
        <translation>编码(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its &amp;hall:</source>
        <translation>所属大厅(&amp;H)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the centre</source>
        <translation>保存中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A centre needs a code (capital letters, digits, - and _) and a name.</source>
        <translation>中心须有编码（大写字母、数字、- 和 _）和名称。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::ChangePasswordDialog</name>
    <message>
        <location filename="../client/admin/changepassworddialog.cpp" line="+25"/>
        <location line="+19"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Your password was given to you by the security administrator, or it has expired: choose your own before you go on. Cancel signs you out.</source>
        <translation>您的密码由安全管理员分配，或已过期：请先设置自己的密码再继续。取消将退出登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new password.</source>
        <translation>请设置新密码。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>At least %1 characters, with three of: small letters, capital letters, digits, other signs; not your username, not one of your last %n.</source>
        <translation>
            <numerusform>至少 %1 个字符，包含小写字母、大写字母、数字、其他符号中的三类；不能包含用户名，不能与最近 %n 次使用过的密码相同。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change password</source>
        <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password &amp;again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The new password and its repetition differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type your current password and the new one.</source>
        <translation>请输入当前密码和新密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changing…</source>
        <translation>正在修改…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::CustomerScreen</name>
    <message>
        <location filename="../client/delivery/customerscreen.cpp" line="+184"/>
        <source>Case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant: %1</source>
        <translation>申请人：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matter: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materials:</source>
        <translation>材料：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promised by %1</source>
        <translation>承诺办结日期：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Please sign below to confirm that you received the result.</source>
        <translation>请在下方签名，确认已领取办理结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1: please sign below to confirm that you received the result.</source>
        <translation>办件 %1：请在下方签名，确认已领取办理结果。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Case %1: how satisfied are you with the hand-out of your result?</source>
        <translation>办件 %1：您对本次出件服务是否满意？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1: how satisfied are you with the acceptance of your application?</source>
        <translation>办件 %1：您对本次受理服务是否满意？</translation>
    </message>
    <message>
        <location line="+83"/>
        <location line="+1"/>
        <source>Customer screen</source>
        <translation>客户评价屏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome. The counter is ready to serve you.</source>
        <translation>欢迎！本窗口竭诚为您服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign with the pen, a finger or the mouse</source>
        <translation>请用笔、手指或鼠标签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>重签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>签好了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature done</source>
        <translation>签名完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
(key %2)</source>
        <translation>%1
（按键 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Not now</source>
        <translation>暂不评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you!</source>
        <translation>感谢您的评价！</translation>
    </message>
</context>
<context>
    <name>onewindow::client::DashboardPage</name>
    <message>
        <location filename="../client/stats/dashboardpage.cpp" line="+136"/>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>截止日期(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>查看(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the figures</source>
        <translation>查看数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print report…</source>
        <translation>打印报表(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+247"/>
        <source>Figures</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>Figure columns</source>
        <translation>指标列</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+270"/>
        <source>Cases per centre</source>
        <translation>各中心受理件数</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Centre columns</source>
        <translation>中心列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart of cases per centre</source>
        <translation>各中心受理件数图</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+149"/>
        <location line="+119"/>
        <source>Week by week</source>
        <translation>按周统计</translation>
    </message>
    <message>
        <location line="-267"/>
        <source>Week columns</source>
        <translation>按周统计的列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart of the weeks</source>
        <translation>按周趋势图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centres and weeks</source>
        <translation>各中心与按周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Centres</source>
        <translation>各中心(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weeks</source>
        <translation>按周(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or a double click on a figure or a centre lists its cases.</source>
        <translation>在某项数据或某个中心上按回车或双击，即可列出对应的办件。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The server has not said which day it is yet; choose the period.</source>
        <translation>服务器尚未告知当前日期，请选择统计期间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The period ends before it begins.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the figures…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cases accepted from %1 to %2.</source>
        <translation>%1 至 %2 受理的办件。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+47"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>A year before</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cases accepted per centre</source>
        <translation>各中心受理件数</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+39"/>
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cases</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This figure is a setting: there are no cases behind it.</source>
        <translation>该项为设定值，没有对应的办件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the figures</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Figures saved to %1.</source>
        <translation>数据已保存到 %1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <location line="+71"/>
        <location line="+1"/>
        <source>Service figures</source>
        <translation>政务服务数据报表</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Cases accepted from %1 to %2</source>
        <translation>%1 至 %2 受理的办件</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Report saved to %1.</source>
        <translation>报表已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::DeficiencyTrackerPage</name>
    <message>
        <location filename="../client/deficiencies/trackerpage.cpp" line="+65"/>
        <source>Waive %1</source>
        <translation>免交 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Why is %1 no longer needed? The reason is kept in the case&apos;s audit trail.</source>
        <translation>为什么不再需要%1(&amp;W)？理由将记入办件的审计记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason for waiving</source>
        <translation>免交理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Waive</source>
        <translation>免交(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+351"/>
        <source>Waive</source>
        <translation>免交</translation>
    </message>
    <message>
        <location line="-324"/>
        <source>Uploads kept on this PC</source>
        <translation>本机保留的上传</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept since</source>
        <translation>保留时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+320"/>
        <source>Kept uploads</source>
        <translation>保留的上传</translation>
    </message>
    <message>
        <location line="-318"/>
        <source>&amp;Send again</source>
        <translation>重新发送(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send kept upload again</source>
        <translation>重新发送保留的上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard…</source>
        <translation>放弃(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Discard kept upload</source>
        <translation>放弃保留的上传</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Not sent yet.</source>
        <translation>尚未发送。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No upload is kept on this PC.</source>
        <translation>本机没有保留的上传。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sending %1…</source>
        <translation>正在发送 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was stored.</source>
        <translation>%1 已保存到服务器。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove %1 from this PC? The server does not have it; it has to be scanned again.</source>
        <translation>从本机删除 %1？服务器上没有该文件，删除后须重新扫描。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was discarded.</source>
        <translation>已放弃 %1。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Nothing here.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>A scan kept from before (%1) could not be sent. %2</source>
        <translation>之前保留的扫描件（%1）未能发送。%2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n upload(s) kept on this PC need your decision: see Kept uploads.</source>
        <translation>
            <numerusform>本机有 %n 个保留的上传需要您处理：请查看“保留的上传”。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A scan kept from before (%1) was sent to its case. If the material is still listed as outstanding, record its supply.</source>
        <translation>之前保存的扫描件（%1）已上传到所属办件。如该材料仍显示待补齐，请登记补交。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A scan kept from before (%1) was sent and recorded as supplied.</source>
        <translation>之前保存的扫描件（%1）已上传，并已登记为补交。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+40"/>
        <source>&amp;Kept uploads (%1)…</source>
        <translation>保留的上传(&amp;K)（%1）…</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deficiency view</source>
        <translation>容缺视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;entre:</source>
        <translation>中心(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre filter</source>
        <translation>中心筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All centres</source>
        <translation>全部中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Matter:</source>
        <translation>事项(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matter filter</source>
        <translation>事项筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All matters</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deficient materials</source>
        <translation>容缺材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supplied on &amp;paper</source>
        <translation>已补交纸质材料(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record supply on paper</source>
        <translation>登记纸质补交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplied by &amp;scan…</source>
        <translation>扫描补交(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record supply by scan</source>
        <translation>登记扫描补交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Call applicant…</source>
        <translation>联系申请人(&amp;C)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+114"/>
        <source>Call applicant</source>
        <translation>联系申请人</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Print &amp;reminder…</source>
        <translation>打印提醒函(&amp;R)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print reminder letter</source>
        <translation>打印提醒函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open case</source>
        <translation>打开办件(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open case</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waive…</source>
        <translation>免交(&amp;W)…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Record that %1 supplied %2 for case %3 on paper?</source>
        <translation>登记 %1 已为办件 %3 补交纸质“%2”？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record supply</source>
        <translation>登记补交</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of case %2 recorded as supplied.</source>
        <translation>已登记办件 %2 的“%1”补交。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of case %2 recorded as supplied by scan.</source>
        <translation>已登记办件 %2 的“%1”扫描补交。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Call %1 on %2 about %3 (case %4, due %5).</source>
        <translation>请致电 %1（%2），提醒补交“%3”（办件 %4，截止 %5）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy number</source>
        <translation>复制号码(&amp;C)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 of case %2 waived.</source>
        <translation>办件 %2 的“%1”已免交。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::DeliveryDialog</name>
    <message>
        <location filename="../client/delivery/deliverydialog.cpp" line="+72"/>
        <source>Read ID &amp;card</source>
        <translation>读身份证(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan &amp;authorisation…</source>
        <translation>扫描委托书(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign on the customer screen</source>
        <translation>在客户屏上签名(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan signed &amp;receipt…</source>
        <translation>扫描已签收单(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hand out</source>
        <translation>出件(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print delivery receipt</source>
        <translation>打印出件签收单(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand out a result</source>
        <translation>出件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The applicant in person</source>
        <translation>申请人本人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An agent with the applicant&apos;s authorisation</source>
        <translation>持申请人委托书的代理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the counter</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By mail</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collected by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient&apos;s name</source>
        <translation>领取人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient&apos;s ID number</source>
        <translation>领取人身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read ID card</source>
        <translation>读身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan authorisation</source>
        <translation>扫描委托书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How</source>
        <translation>领取方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>邮件单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign on the customer screen</source>
        <translation>在客户屏上签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan signed receipt</source>
        <translation>扫描已签收单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print delivery receipt</source>
        <translation>打印出件签收单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Co&amp;llected by:</source>
        <translation>领取人(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorisation:</source>
        <translation>委托书：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ho&amp;w:</source>
        <translation>领取方式(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tracking number:</source>
        <translation>邮件单号(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature:</source>
        <translation>签名：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the ID card…</source>
        <translation>正在读取身份证…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ID card read: %1.</source>
        <translation>已读取身份证：%1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The signature was not given.</source>
        <translation>未签名。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signature stored.</source>
        <translation>签名已保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 Press Hand out to send the signature again.</source>
        <translation>%1 按“出件”重新发送签名。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the case…</source>
        <translation>正在加载办件…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hand out case %1</source>
        <translation>办件 %1 出件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1 · %2
Applicant: %3</source>
        <translation>办件 %1 · %2
申请人：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This case has no result waiting to be handed out.</source>
        <translation>该办件没有待领取的办理结果。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Result: %1</source>
        <translation>办理结果：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>storing…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not needed for mail</source>
        <translation>邮寄无需签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed yet</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>authorisation</source>
        <translation>委托书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>signed delivery receipt</source>
        <translation>已签名的出件签收单</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Waiting for the signature on the customer screen…</source>
        <translation>正在等待申请人在客户屏上签名…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Storing the signature…</source>
        <translation>正在保存签名…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending the signature again…</source>
        <translation>正在重新发送签名…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Handing out…</source>
        <translation>正在办理出件…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Handed out. Print the delivery receipt for the file; the citizen is asked to rate the service.</source>
        <translation>已出件。请打印出件签收单归档；客户屏已请群众评价本次服务。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preparing the delivery receipt…</source>
        <translation>正在准备出件签收单…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::DeliveryPage</name>
    <message>
        <location filename="../client/delivery/deliverypage.cpp" line="+80"/>
        <source>Reading the ID card…</source>
        <translation>正在读取身份证…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a case in the list first.</source>
        <translation>请先在列表中选择办件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No result is waiting to be handed out.</source>
        <translation>没有待领取的办理结果。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No result waiting for %1.</source>
        <translation>没有“%1”的待领取结果。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number (scan the barcode) or the applicant&apos;s ID number</source>
        <translation>办件编号（可扫条码）或申请人身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a result</source>
        <translation>查找待领取结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find by ID &amp;card</source>
        <translation>读身份证查找(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find by ID card</source>
        <translation>读身份证查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results to hand out</source>
        <translation>待出件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand out…</source>
        <translation>出件(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand out the chosen case</source>
        <translation>为所选办件出件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
</context>
<context>
    <name>onewindow::client::DraftDialog</name>
    <message>
        <location filename="../client/admin/matterspage.cpp" line="+51"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How it is taken in</source>
        <translation>收取方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft version %1 of %2</source>
        <translation>%2 的草稿版本 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matter name</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Promised working days</source>
        <translation>承诺时限（工作日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal working days</source>
        <translation>法定时限（工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields of the form</source>
        <translation>表单字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add &amp;field…</source>
        <translation>添加字段(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove fiel&amp;d</source>
        <translation>删除字段(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the field</source>
        <translation>删除字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;material…</source>
        <translation>添加材料(&amp;M)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a material</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove mat&amp;erial</source>
        <translation>删除材料(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the material</source>
        <translation>删除材料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a field first.</source>
        <translation>请先选择一个字段。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a material first.</source>
        <translation>请先选择一种材料。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Promised working days:</source>
        <translation>承诺时限(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal working days:</source>
        <translation>法定时限(&amp;L)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Save the draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields of the form:</source>
        <translation>表单字段：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Materials and their deficiency rules:</source>
        <translation>材料及容缺规则：</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::FieldDialog</name>
    <message>
        <location line="-211"/>
        <source>&amp;Required</source>
        <translation>必需(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New field</source>
        <translation>新建字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field %1</source>
        <translation>字段 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field key</source>
        <translation>字段键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field label</source>
        <translation>字段名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field type</source>
        <translation>字段类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Key:</source>
        <translation>键(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label:</source>
        <translation>名称(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the field</source>
        <translation>确定字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A field needs a key and a label.</source>
        <translation>字段须有键和名称。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::FigureCasesDialog</name>
    <message>
        <location filename="../client/stats/figurecasesdialog.cpp" line="+20"/>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases: %1</source>
        <translation>办件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases behind the figure</source>
        <translation>该项数据对应的办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No cases.</source>
        <translation>没有办件。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The first %n case(s); more with Load more.</source>
        <translation>
            <numerusform>前 %n 件；点“加载更多”查看其余。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n case(s).</source>
        <translation>
            <numerusform>共 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the cases…</source>
        <translation>正在加载办件…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::FollowUpsPage</name>
    <message>
        <location filename="../client/delivery/followupspage.cpp" line="+104"/>
        <source>Rating recorded.</source>
        <translation>评价已登记。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No follow-ups here.</source>
        <translation>没有回访记录。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which follow-ups</source>
        <translation>回访范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Enter a paper or SMS rating…</source>
        <translation>录入纸质或短信评价(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a paper or SMS rating</source>
        <translation>录入纸质或短信评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up details</source>
        <translation>回访详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call-back &amp;note:</source>
        <translation>回访记录(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call-back note</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the citizen said, what was done</source>
        <translation>群众反映的问题及处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add note</source>
        <translation>添加记录(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;solution:</source>
        <translation>整改结果(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>整改结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second ratin&amp;g:</source>
        <translation>再次评价(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second rating</source>
        <translation>再次评价</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close follow-up</source>
        <translation>办结回访(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close follow-up</source>
        <translation>办结回访</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Case %1 · %2</source>
        <translation>办件 %1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rated %1 for the %2 on %3</source>
        <translation>%3 对%2评价为“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hand-out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment: %1</source>
        <translation>意见：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back %1 at %2</source>
        <translation>回访 %1，电话 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue: it was due by %1.</source>
        <translation>已逾期：应于 %1 前办结。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due by %1.</source>
        <translation>应于 %1 前办结。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note by %1, %2: %3</source>
        <translation>%1 记录（%2）：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed by %1, %2: %3. Rated again: %4.</source>
        <translation>%1 已办结（%2）：%3。再次评价：%4。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write what the citizen said and what was done first.</source>
        <translation>请先填写群众反映的问题及处理情况。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Note added.</source>
        <translation>回访记录已添加。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say how the complaint was resolved.</source>
        <translation>请填写整改结果。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Follow-up closed.</source>
        <translation>回访已办结。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::IntakePage</name>
    <message>
        <location filename="../client/intake/intakepage.cpp" line="-1154"/>
        <source>Paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Electronic licence</source>
        <translation>电子证照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deficient (supply later)</source>
        <translation>容缺（后补）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not provided</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Accepted: case %1 (%2).</source>
        <translation>已受理：办件编号 %1（%2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refusal on record: case %1 (%2). Print the notice for the applicant.</source>
        <translation>不予受理已登记：办件编号 %1（%2）。请打印告知书交申请人。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Taken in offline: case %1. Print the papers; the intake is sent to the server when it can be reached.</source>
        <translation>离线受理：办件编号 %1。请打印文书；服务器可连接时自动上传。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The intake is saved; press Accept again when the server is back.</source>
        <translation>本次受理已保存；服务器恢复后请再次点击“受理”。</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>This matter is not on this PC yet: connect to the server once to take it in offline.</source>
        <translation>本机尚无该事项：请先连接服务器一次，之后方可离线受理。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This bundle is not on this PC yet: refresh the catalog (F5).</source>
        <translation>本机尚无该套餐：请刷新事项目录（F5）。</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Chosen: %1 %2 — %n matter(s) in one intake.</source>
        <translation>
            <numerusform>已选：%1 %2——%n 个事项一次受理。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+143"/>
        <source>1 Applicant</source>
        <translation>1 申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2 Matter</source>
        <translation>2 事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3 Form</source>
        <translation>3 表单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>4 Materials</source>
        <translation>4 材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>5 Decision</source>
        <translation>5 受理决定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Intake steps</source>
        <translation>受理步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New intake    Ctrl+N</source>
        <translation>新建受理    Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New intake</source>
        <translation>新建受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Applicant is:</source>
        <translation>申请人类型(&amp;A)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Name:</source>
        <translation>姓名/名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;ID number:</source>
        <translation>身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant kind</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read ID card    F4</source>
        <translation>读取身份证    F4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read ID card</source>
        <translation>读取身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code, name or pinyin initials, e.g. gjj</source>
        <translation>编码、名称或拼音首字母，如 gjj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a matter</source>
        <translation>查找事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-thing bundle</source>
        <translation>一件事套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or a &amp;one-thing bundle:</source>
        <translation>或选择一件事套餐(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provided as</source>
        <translation>提供方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>补齐期限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Choose</source>
        <translation>选择(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose matter</source>
        <translation>选择事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant and matter</source>
        <translation>申请人与事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Green channel (major project)</source>
        <translation>绿色通道（重大项目）(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why: the project, the decision that lists it</source>
        <translation>理由：项目名称及列入依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the green channel</source>
        <translation>绿色通道理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept    Ctrl+Enter</source>
        <translation>受理(&amp;A)    Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not accepted: &amp;record the refusal…</source>
        <translation>不予受理：登记并告知(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the refusal</source>
        <translation>登记不予受理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document to print</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…    Ctrl+P</source>
        <translation>打印(&amp;P)…    Ctrl+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+635"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="-601"/>
        <source>An intake was left unfinished. Resume it?</source>
        <translation>有一份未完成的受理，是否继续？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>None: one matter</source>
        <translation>不选套餐：单个事项</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No ID-card reader: type the ID number.</source>
        <translation>没有身份证读卡器：请输入身份证号码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Electronic licences cannot be checked offline: choose what the applicant shows; the server checks it when the intake is sent.</source>
        <translation>离线时无法核验电子证照：请按申请人出示的情况选择，上传时由服务器核验。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No electronic licences.</source>
        <translation>没有电子证照。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic licences: %1</source>
        <translation>电子证照：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a one-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a non-acceptance</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Came before: %1 on %2 (case %3, %4): %5</source>
        <translation>曾来办理：%2 收到%1（办件 %3，%4）：%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To bring or correct: %1.</source>
        <translation>需补齐或更正：%1。</translation>
    </message>
    <message>
        <location line="-344"/>
        <source>Chosen: %1 %2</source>
        <translation>已选：%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+491"/>
        <source>%n field(s) need attention.</source>
        <translation>
            <numerusform>有 %n 项需要修改。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete “%1” before going on.</source>
        <translation>请先填完“%1”再继续。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>core</source>
        <translation>核心</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provision of %1</source>
        <translation>%1 的提供方式</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 due by %2</source>
        <translation>%1补正期限 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>• %1: with the result of %2</source>
        <translation>• %1：随%2的办理结果提供</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not asked for, provided within the bundle:
%1</source>
        <translation>以下材料无需提交，由同一套餐内其他事项的办理结果提供：
%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Complete: can be accepted.</source>
        <translation>材料齐全：可以受理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete except tolerated deficiencies: accept with deficiency; the applicant signs a commitment.</source>
        <translation>除容缺材料外齐全：容缺受理，申请人签署承诺书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required materials missing: one-time notice.</source>
        <translation>缺少必需材料：出具一次性告知书。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One-time notice would list:
%1</source>
        <translation>一次性告知书将列出：
%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applicant: %1</source>
        <translation>申请人：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bundle saves %1 field(s) and %2 material(s).</source>
        <translation>一件事办理比分别办理少填 %1 项、少交 %2 份材料。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Say why the case is in the green channel.</source>
        <translation>请说明走绿色通道的理由。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No applicant yet</source>
        <translation>尚未填写申请人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no matter chosen</source>
        <translation>未选择事项</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Correct the applicant&apos;s details first.</source>
        <translation>请先更正申请人信息。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not accepted: print the one-time notice for the applicant.</source>
        <translation>不能受理：请为申请人打印一次性告知书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taking it in offline…</source>
        <translation>正在离线受理…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+27"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>onewindow::client::MainWindow</name>
    <message>
        <location filename="../client/mainwindow.cpp" line="+139"/>
        <source>Catalog updated %1</source>
        <translation>目录已于 %1 更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog: saved copy</source>
        <translation>目录：本地副本</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The password is changed with the server: sign in with it first.</source>
        <translation>修改密码需要连接服务器：请先联网登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your password is changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>About OneWindow</source>
        <translation>关于一窗通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OneWindow %1
Counter software for one-window government service halls.</source>
        <translation>一窗通 %1
政务服务大厅一窗受理软件。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The rating was not recorded: %1</source>
        <translation>评价未能保存：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>⇅ Sending intakes taken in offline: %1 sent, %2 waiting</source>
        <translation>⇅ 正在上传离线受理：已上传 %1 件，待上传 %2 件</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>⇅ Intakes taken in offline wait: %1; next try in %n second(s)</source>
        <translation>
            <numerusform>⇅ 离线受理待上传：%1；%n 秒后重试</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server refused an intake taken in offline: %1. See Intakes to send (F10).</source>
        <translation>服务器退回了一件离线受理：%1。请查看“待上传受理”（F10）。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1: to be brought by %2</source>
        <translation>%1：%2 前补交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: received</source>
        <translation>%1：已收取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: needed</source>
        <translation>%1：需提交</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Cases of my centre</source>
        <translation>本中心办件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New intake</source>
        <translation>新建受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases of my department</source>
        <translation>本部门办件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To review</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned cases</source>
        <translation>退回补正的办件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deficiency tracker</source>
        <translation>容缺跟踪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matter catalog</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results to hand out</source>
        <translation>待出件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rating follow-ups</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intakes to send</source>
        <translation>待上传受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matters and versions</source>
        <translation>事项与版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Centres and bundles</source>
        <translation>中心与一件事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Papers to the hall</source>
        <translation>送件至大厅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Papers from village centres</source>
        <translation>村级代办收件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Figures</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>OneWindow · %1</source>
        <translation>一窗通 · %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work area</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2, %3 overdue)</source>
        <translation>%1（%2，逾期 %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (needs the server)</source>
        <translation>%1（需连接服务器）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1    %2</source>
        <translation>%1    %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Plugins</source>
        <translation>关于插件(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;About OneWindow</source>
        <translation>关于一窗通(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;navigation</source>
        <translation>转到导航(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Customer screen</source>
        <translation>客户评价屏(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centre %1</source>
        <translation>中心 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department %1</source>
        <translation>部门 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>○ Offline session: sign in again to send</source>
        <translation>○ 离线登录：请重新登录以上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>○ Offline: intake only; it is sent when the server is back</source>
        <translation>○ 离线：仅可受理，待服务器恢复后上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Connected to %1</source>
        <translation>● 已连接 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>○ Server unreachable: changes wait</source>
        <translation>○ 服务器无法连接：改动等待发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog: updating…</source>
        <translation>目录：正在更新…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ This PC&apos;s clock is %1 ahead of the server&apos;s; dates follow the server: %2</source>
        <translation>⚠ 本机时钟比服务器快 %1；日期以服务器为准：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ This PC&apos;s clock is %1 behind the server&apos;s; dates follow the server: %2</source>
        <translation>⚠ 本机时钟比服务器慢 %1；日期以服务器为准：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server&apos;s date: %1</source>
        <translation>服务器日期：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The server can be reached again. Sign in to send the intakes taken in offline; until then they wait on this PC.</source>
        <translation>服务器已恢复连接。请重新登录以上传离线受理的办件；在此之前它们保存在本机。</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>⇅ %n intake(s) taken in offline, sent when the server is back</source>
        <translation>
            <numerusform>⇅ %n 件离线受理，待服务器恢复后上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>⇅ %n intake(s) taken in offline waiting to be sent</source>
        <translation>
            <numerusform>⇅ %n 件离线受理待上传</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ Intakes taken in offline: all sent</source>
        <translation>✓ 离线受理已全部上传</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your session has ended. Sign in again to go on; nothing on screen is lost.</source>
        <translation>登录已失效。请重新登录后继续，屏幕上的内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::MaterialDialog</name>
    <message>
        <location filename="../client/admin/matterspage.cpp" line="-148"/>
        <source>&amp;Core material (never brought later)</source>
        <translation>主要材料（不可容缺）(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Required</source>
        <translation>必需(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May be brought &amp;later (accepted with deficiency)</source>
        <translation>可容缺后补(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New material</source>
        <translation>新建材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Material %1</source>
        <translation>材料 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Material code</source>
        <translation>材料编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material name</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Core material</source>
        <translation>主要材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May be brought later</source>
        <translation>可容缺后补</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the matter&apos;s limit</source>
        <translation>按事项上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days to bring it</source>
        <translation>补齐期限（工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic licence type</source>
        <translation>电子证照类型</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Department plugins name these electronic licences for this material: %1</source>
        <translation>部门插件为此材料列出的电子证照：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>C&amp;ode:</source>
        <translation>编码(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Working days to bring it:</source>
        <translation>补齐期限(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Electronic licence:</source>
        <translation>电子证照(&amp;E)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the material</source>
        <translation>确定材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A material needs a code (capital letters, digits, _) and a name.</source>
        <translation>材料须有编码（大写字母、数字、_）和名称。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::MattersAdminPage</name>
    <message numerus="yes">
        <location line="-112"/>
        <source>may be brought later, within %n working day(s)</source>
        <translation>
            <numerusform>可容缺，%n 个工作日内补齐</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may be brought later</source>
        <translation>可容缺后补</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>electronic licence %1</source>
        <translation>电子证照 %1</translation>
    </message>
    <message>
        <location line="+418"/>
        <location line="+303"/>
        <source>Export the catalog</source>
        <translation>导出事项目录</translation>
    </message>
    <message>
        <location line="-301"/>
        <location line="+7"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+298"/>
        <source>Import a catalog</source>
        <translation>导入事项目录</translation>
    </message>
    <message>
        <location line="-224"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Materials the counter asks for</source>
        <translation>窗口收取的材料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Materials:</source>
        <translation>材料：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Materials its result provides</source>
        <translation>办理结果提供的材料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its result provides:</source>
        <translation>办理结果提供：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the counter sees with version %1 of %2 %3</source>
        <translation>窗口看到的 %2 %3 第 %1 版</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The matter has no version in effect to start from.</source>
        <translation>该事项没有现行版本可作为起点。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Draft version %1 of %2 made from the version in effect.</source>
        <translation>已根据现行版本生成 %2 的草稿版本 %1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Someone changed this draft meanwhile: close, and open it again.</source>
        <translation>草稿已被他人修改：请关闭后重新打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the draft first: published versions do not change.</source>
        <translation>请先选择草稿：已发布的版本不可修改。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Version %1 against version %2 in effect:
%3</source>
        <translation>第 %1 版与现行第 %2 版相比：
%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Publish version %1</source>
        <translation>发布第 %1 版</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In effect from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intakes from this day on take the new version; cases accepted before keep theirs.</source>
        <translation>自该日起受理按新版本办理；此前受理的办件沿用原版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In effect &amp;from:</source>
        <translation>生效日期(&amp;F)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Version %1 of %2 published: in effect from %3.</source>
        <translation>%2 第 %1 版已发布：自 %3 起生效。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+73"/>
        <source>Delete the draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Delete draft version %1? Nobody saw it yet.</source>
        <translation>删除草稿版本 %1？该草稿尚未对外生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft deleted.</source>
        <translation>草稿已删除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Catalog exported to %1.</source>
        <translation>事项目录已导出到 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Catalog imported: %1. Drafts made by the import wait for you to compare and publish them.</source>
        <translation>事项目录已导入：%1。导入生成的草稿待您比对后发布。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>%1 is not a catalog exported by OneWindow (JSON): %2</source>
        <translation>%1 不是 OneWindow 导出的事项目录（JSON）：%2</translation>
    </message>
    <message>
        <location line="-691"/>
        <source>core</source>
        <translation>主要材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>非必需</translation>
    </message>
    <message>
        <location line="+715"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New draft</source>
        <translation>新建草稿(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New draft</source>
        <translation>新建草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit draft…</source>
        <translation>编辑草稿(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the draft</source>
        <translation>编辑草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare</source>
        <translation>比对(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with the version in effect</source>
        <translation>与现行版本比对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Publish…</source>
        <translation>发布(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish the draft</source>
        <translation>发布草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete draft</source>
        <translation>删除草稿(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport catalog…</source>
        <translation>导出目录(&amp;X)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import catalog…</source>
        <translation>导入目录(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a matter and a version</source>
        <translation>请选择事项和版本</translation>
    </message>
</context>
<context>
    <name>onewindow::client::PlacesPage</name>
    <message>
        <location filename="../client/admin/placespage.cpp" line="-72"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+167"/>
        <location line="+1"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+70"/>
        <source>Hall</source>
        <translation>大厅</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose a centre first.</source>
        <translation>请先选择一个中心。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a bundle first.</source>
        <translation>请先选择一个一件事。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Village centre</source>
        <translation>便民服务中心</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Centre %1 saved.</source>
        <translation>中心 %1 已保存。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Bundle %1 saved.</source>
        <translation>一件事 %1 已保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;centre…</source>
        <translation>新建中心(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New centre</source>
        <translation>新建中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename centre…</source>
        <translation>重命名中心(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename the centre</source>
        <translation>重命名中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;bundle…</source>
        <translation>新建一件事(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New bundle</source>
        <translation>新建一件事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit bundle…</source>
        <translation>编辑一件事(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the bundle</source>
        <translation>编辑一件事</translation>
    </message>
</context>
<context>
    <name>onewindow::client::PrintCommand</name>
    <message>
        <location filename="../client/printcommand.cpp" line="+111"/>
        <source>Reprints a paper of a case as a PDF, or on a printer.</source>
        <translation>将办件的文书重新打印为 PDF，或送往打印机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case number.</source>
        <translation>办件编号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server address (else the last one used).</source>
        <translation>服务器地址（默认使用上次的地址）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in as this user; the password comes from ONEWINDOW_PASSWORD. Without it, the session saved with --save-session is used.</source>
        <translation>以此用户登录；密码取自 ONEWINDOW_PASSWORD。不指定时，使用以 --save-session 保存的登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print on this printer (its CUPS name) instead of writing a PDF.</source>
        <translation>送往此打印机（CUPS 中的名称），而不是写入 PDF。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the session of --user for the next reprints.</source>
        <translation>保存 --user 的登录，供以后重新打印使用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>needs --case, --document (%1), and --output or --printer.</source>
        <translation>需要 --case、--document（%1），以及 --output 或 --printer。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no saved session: give --user (and --save-session to keep it).</source>
        <translation>没有保存的登录：请用 --user 指定（加 --save-session 可保存）。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>case %1 has no result yet.</source>
        <translation>办件 %1 尚未登记办理结果。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>case %1 has not been handed out.</source>
        <translation>办件 %1 尚未出件。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no printer %1.</source>
        <translation>没有打印机 %1。</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>no server: give --server.</source>
        <translation>没有服务器地址：请用 --server 指定。</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>The paper: %1.</source>
        <translation>文书：%1。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the session could not be saved in %1.</source>
        <translation>无法将登录保存到 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the saved session of %1 has ended: sign in again with --user.</source>
        <translation>%1 保存的登录已失效：请用 --user 重新登录。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no case %1, or not yours to see.</source>
        <translation>没有办件 %1，或您无权查看。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::RatingEntryDialog</name>
    <message>
        <location filename="../client/delivery/ratingentrydialog.cpp" line="+27"/>
        <source>&amp;Record rating</source>
        <translation>登记评价(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a rating</source>
        <translation>录入评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hand-out of the result</source>
        <translation>出件服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The acceptance of the application</source>
        <translation>受理服务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paper form</source>
        <translation>纸质评价表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS reply</source>
        <translation>短信回复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service rated</source>
        <translation>评价的服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Came as</source>
        <translation>评价来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record rating</source>
        <translation>登记评价</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case &amp;number:</source>
        <translation>办件编号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service:</source>
        <translation>服务(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rating:</source>
        <translation>评价(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Came &amp;as:</source>
        <translation>评价来源(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comment:</source>
        <translation>意见(&amp;C)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type the case number from the form or the message.</source>
        <translation>请输入评价表或短信中的办件编号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recording…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No case %1 in your hall.</source>
        <translation>本大厅没有办件 %1。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::ReceivePapersPage</name>
    <message>
        <location filename="../client/transfers/transferpages.cpp" line="+325"/>
        <source>No batch with this code is on its way to this hall.</source>
        <translation>没有以此编号送往本大厅的流转清单。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Batch %1 from %2, sent by %3: %n case(s).</source>
        <translation>
            <numerusform>清单 %1，来自 %2，由 %3 送出：共 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Untick what is not in the envelope and say why, then record the arrival.</source>
        <translation>请取消勾选未收到的材料并注明原因，然后登记接收。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Say what is missing about each unticked item (the note column).</source>
        <translation>请在备注栏注明每项未收到材料的情况。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Arrival recorded: everything arrived.</source>
        <translation>已登记接收：材料全部收到。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Arrival recorded, %n item(s) missing on record.</source>
        <translation>
            <numerusform>已登记接收，%n 项材料缺失已记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Manifest code:</source>
        <translation>清单编号(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the QR code of the manifest</source>
        <translation>扫描流转清单上的二维码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifest code</source>
        <translation>清单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the batch</source>
        <translation>查找流转清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items of the batch</source>
        <translation>流转材料明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record the arrival</source>
        <translation>登记接收(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the arrival</source>
        <translation>登记接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batches on their way to this hall:</source>
        <translation>送往本大厅途中的清单(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batches on their way</source>
        <translation>途中的清单</translation>
    </message>
</context>
<context>
    <name>onewindow::client::RefusalDialog</name>
    <message>
        <location filename="../client/intake/refusaldialog.cpp" line="+16"/>
        <source>Not accepted: put the refusal on record</source>
        <translation>不予受理：登记并告知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time notice: what to bring or correct, all at once</source>
        <translation>一次性告知：一次讲清需补齐或更正的全部内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-acceptance: the application cannot be accepted here</source>
        <translation>不予受理：该申请不能在此受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of refusal</source>
        <translation>告知类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for not accepting</source>
        <translation>不予受理的理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note for the applicant</source>
        <translation>给申请人的备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: what the applicant was told</source>
        <translation>选填：已当面告知申请人的内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Record and print</source>
        <translation>登记并打印(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the refusal</source>
        <translation>登记不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The matter lists no reasons for not accepting yet. Refresh the catalog (F5) and try again.</source>
        <translation>该事项尚未列出不予受理的理由。请刷新事项目录（F5）后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>onewindow::client::ResubmitDialog</name>
    <message>
        <location filename="../client/review/returnedcasespage.cpp" line="+46"/>
        <source>&amp;Print the notice…</source>
        <translation>打印补正通知书(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resubmit</source>
        <translation>重新提交(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resubmit a returned case</source>
        <translation>重新提交退回的办件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What to correct</source>
        <translation>补正内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the departments asked for</source>
        <translation>各部门要求补正的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provided now</source>
        <translation>现提供方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the notice to correct</source>
        <translation>打印补正材料通知书</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Case %1 of %2: %3.</source>
        <translation>%2 的办件 %1：%3。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>As before</source>
        <translation>不变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrected, on paper</source>
        <translation>已补正，纸质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrected, scanned</source>
        <translation>已补正，扫描件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic licence</source>
        <translation>电子证照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision of %1</source>
        <translation>%1 的提供方式</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Sending the corrections…</source>
        <translation>正在提交补正内容…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::ReturnedCasesPage</name>
    <message>
        <location line="+37"/>
        <source>Nothing here.</source>
        <translation>暂无内容。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Returned cases</source>
        <translation>退回补正的办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open case</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>onewindow::client::ReviewDialog</name>
    <message>
        <location filename="../client/review/reviewdialog.cpp" line="+46"/>
        <source>To decide</source>
        <translation>待决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved with conditions (simulated)</source>
        <translation>附条件通过（模拟审批）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>on paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scanned</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>electronic licence</source>
        <translation>电子证照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to be supplied later</source>
        <translation>容缺后补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not provided</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Suggested items</source>
        <translation>建议事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Other items, one per line:</source>
        <translation>其他事项，每行一项(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other items, one per line</source>
        <translation>其他事项，每行一项</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Review a case</source>
        <translation>审查办件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case details</source>
        <translation>办件详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No attachment chosen.</source>
        <translation>未选择附件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attachment viewer</source>
        <translation>附件查看</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attachment image</source>
        <translation>附件图片</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Part:</source>
        <translation>审批事项(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part to decide</source>
        <translation>待决定的事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve this part (Ctrl+Enter)</source>
        <translation>批准此事项（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve with &amp;conditions…</source>
        <translation>附条件批准(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+367"/>
        <source>Approve with conditions</source>
        <translation>附条件批准</translation>
    </message>
    <message>
        <location line="-366"/>
        <source>&amp;Return for correction…</source>
        <translation>退回补正(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+367"/>
        <source>Return for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location line="-366"/>
        <source>Re&amp;ject…</source>
        <translation>不予批准(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+364"/>
        <source>Reject</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <location line="-363"/>
        <source>R&amp;ecord result…</source>
        <translation>登记结果(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record result</source>
        <translation>登记结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Condition &amp;met…</source>
        <translation>条件已满足(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition met</source>
        <translation>条件已满足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print &amp;decision…</source>
        <translation>打印决定书(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print decision</source>
        <translation>打印决定书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The applicant&apos;s paper: the decision not to grant, the simulated approval&apos;s conditions, or the result</source>
        <translation>给申请人的文书：不予许可决定书、模拟审批的条件，或办理结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next case</source>
        <translation>下一件(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next case</source>
        <translation>下一件</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Case %1: %2, %3. %4. Promised by %5 (%6).</source>
        <translation>办件 %1：%2，%3。%4。承诺办结日 %5（%6）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Green channel. </source>
        <translation>绿色通道。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review case %1</source>
        <translation>审查办件 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifier</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Departments&apos; decisions</source>
        <translation>各部门审批意见</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing of this case is for your department to decide now.</source>
        <translation>本办件目前没有需要贵部门决定的事项。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2 KB)</source>
        <translation>%1（%2 KB）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No attachment: the materials are on paper.</source>
        <translation>无附件：材料为纸质。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%1, %n page(s)</source>
        <translation>
            <numerusform>%1，共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Record the result</source>
        <translation>登记审批结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Electronic copy</source>
        <translation>电子证照副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (paper only)</source>
        <translation>无（仅纸质）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate &amp;number:</source>
        <translation>证书编号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issued on:</source>
        <translation>发证日期(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic &amp;copy:</source>
        <translation>电子副本(&amp;C)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording the result…</source>
        <translation>正在登记结果…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Result recorded; case %1 is now: %2.</source>
        <translation>结果已登记；办件 %1 当前状态：%2。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A condition is met</source>
        <translation>登记条件已满足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No condition of your department is open.</source>
        <translation>本部门没有未满足的条件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How it was met</source>
        <translation>满足情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Condition:</source>
        <translation>条件(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;How it was met:</source>
        <translation>满足情况(&amp;H)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Condition recorded; case %1 is now: %2.</source>
        <translation>条件已登记；办件 %1 当前状态：%2。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: missing, unclear or not valid</source>
        <translation>%1：缺失、不清晰或无效</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The conditions still to be met before the approval becomes formal:</source>
        <translation>转为正式批准前尚需满足的条件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the application is rejected; every reason is printed for the applicant:</source>
        <translation>不予批准的理由（每条理由都将打印给申请人）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything the applicant must correct, all at once (one-time notice):</source>
        <translation>申请人需补正的全部内容（一次性告知）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recording the decision…</source>
        <translation>正在登记审批意见…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Decision recorded; case %1 is now: %2.</source>
        <translation>审批意见已登记；办件 %1 当前状态：%2。</translation>
    </message>
</context>
<context>
    <name>onewindow::client::ReviewQueuePage</name>
    <message>
        <location filename="../client/review/reviewqueuepage.cpp" line="+71"/>
        <source>Nothing here.</source>
        <translation>暂无内容。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>To decide</source>
        <translation>待决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by my department</source>
        <translation>本部门已决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All of my department</source>
        <translation>本部门全部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue view</source>
        <translation>队列视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Green channel only</source>
        <translation>仅绿色通道(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green channel only</source>
        <translation>仅绿色通道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Late only</source>
        <translation>仅已超期(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late only</source>
        <translation>仅已超期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review queue</source>
        <translation>审批队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open case</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>onewindow::client::ScanDialog</name>
    <message>
        <location filename="../client/deficiencies/scandialog.cpp" line="+37"/>
        <source>&amp;Scan page</source>
        <translation>扫描一页(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove page</source>
        <translation>删除此页(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Upload and record</source>
        <translation>上传并登记(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supplied by scan: %1 of case %2</source>
        <translation>扫描补交：办件 %2 的%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sca&amp;nner:</source>
        <translation>扫描仪(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner</source>
        <translation>扫描仪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan page</source>
        <translation>扫描一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove page</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload progress</source>
        <translation>上传进度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upload and record</source>
        <translation>上传并登记</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 Press Upload again to go on.</source>
        <translation>%1 再次点击“上传”即可继续。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A PDF file is sent on its own: import it alone, or scan the pages instead.</source>
        <translation>PDF 文件须单独上传：请只导入该文件，或改为逐页扫描。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+31"/>
        <source>Page %1 (%2 × %3)</source>
        <translation>第 %1 页（%2 × %3）</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No scanner found: import the scanned files instead.</source>
        <translation>未找到扫描仪：请改为导入已扫描的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scanning page %1: %2%</source>
        <translation>正在扫描第 %1 页：%2%</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n page(s) ready.</source>
        <translation>
            <numerusform>已就绪 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Looking for scanners…</source>
        <translation>正在查找扫描仪…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import scanned files</source>
        <translation>导入扫描文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scan %1 of case %2</source>
        <translation>扫描办件 %2 的%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upload</source>
        <translation>上传(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Resuming the upload…</source>
        <translation>正在继续上传…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Uploading…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recording the supply…</source>
        <translation>正在登记补交…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::SendPapersPage</name>
    <message>
        <location filename="../client/transfers/transferpages.cpp" line="-260"/>
        <location line="+100"/>
        <source>Save the manifest as PDF</source>
        <translation>流转清单另存为 PDF</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choose the cases whose papers go to the hall first.</source>
        <translation>请先选择要送往大厅的办件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Batch %1: %n case(s), %2 item(s). Print the manifest and put it with the papers.</source>
        <translation>
            <numerusform>清单 %1：%n 件办件，%2 份材料。请打印流转清单并随材料一并送出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose the cases whose paper materials go to the hall now (Ctrl or Shift for several), then send them as one batch: its manifest travels with the papers.</source>
        <translation>选择本次送往大厅的纸质材料所属办件（按住 Ctrl 或 Shift 可多选），作为一批送出；流转清单随材料一并送达。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases of my centre to send</source>
        <translation>本中心待送件办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note for the hall</source>
        <translation>给大厅的备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send to the hall</source>
        <translation>送往大厅(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to the hall</source>
        <translation>送往大厅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print the manifest…</source>
        <translation>打印流转清单(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the manifest</source>
        <translation>打印流转清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the manifest as P&amp;DF…</source>
        <translation>流转清单另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Batches:</source>
        <translation>流转清单(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batches sent</source>
        <translation>已送出的清单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On their way</source>
        <translation>途中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which batches</source>
        <translation>清单范围</translation>
    </message>
</context>
<context>
    <name>onewindow::client::SignInDialog</name>
    <message>
        <location filename="../client/signindialog.cpp" line="+79"/>
        <source>Enter the server&apos;s address, for example https://onewindow.example:8443.</source>
        <translation>请输入服务器地址，例如 https://onewindow.example:8443。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter your username and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>onewindow::client::SyncPage</name>
    <message>
        <location filename="../client/sync/syncpage.cpp" line="+48"/>
        <source>Every intake taken in offline has reached the server.</source>
        <translation>离线受理的办件均已上传至服务器。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n intake(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 件待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n 件被服务器退回</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Details of the selected intake</source>
        <translation>所选办件的详情</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only an intake the server refused has a notice to print.</source>
        <translation>只有被服务器退回的办件才有告知书可打印。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Intakes taken in offline</source>
        <translation>离线受理的办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send now</source>
        <translation>立即上传(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send now</source>
        <translation>立即上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print the one-time notice</source>
        <translation>打印一次性告知书(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the one-time notice</source>
        <translation>打印一次性告知书</translation>
    </message>
</context>
<context>
    <name>onewindow::client::UserDialog</name>
    <message>
        <location filename="../client/admin/userspage.cpp" line="+24"/>
        <source>Account &amp;disabled</source>
        <translation>停用账号(&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account disabled</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Centre:</source>
        <translation>中心(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;partment:</source>
        <translation>部门(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the user</source>
        <translation>保存用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
</context>
<context>
    <name>onewindow::client::UsersPage</name>
    <message>
        <location line="+80"/>
        <location line="+39"/>
        <source>Choose a user first.</source>
        <translation>请先选择一个用户。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give %1 a new one-time password? Their sessions end, and they choose their own at the next sign-in.</source>
        <translation>为 %1 生成新的一次性密码？其现有会话将结束，下次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The one-time password of %1 is:

%2

Hand it over in person. %1 chooses their own password at the first sign-in.</source>
        <translation>%1 的一次性密码是：

%2

请当面交付。%1 首次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One-time password given to %1.</source>
        <translation>已为 %1 生成一次性密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username or name</source>
        <translation>用户名或姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a user</source>
        <translation>查找用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New user…</source>
        <translation>新建用户(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
</context>
<context>
    <name>onewindow::models::AdminMatterListModel</name>
    <message>
        <location filename="../models/matteradmin.cpp" line="+85"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>onewindow::models::ApiError</name>
    <message>
        <location filename="../models/apierror.cpp" line="+38"/>
        <source>The server cannot be reached. Check the network and the server address.</source>
        <translation>无法连接服务器。请检查网络和服务器地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not answer in time. Try again.</source>
        <translation>服务器响应超时，请重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s address begins with http://: passwords and citizens&apos; data would cross the network unencrypted. Use its https:// address (ask IT).</source>
        <translation>服务器地址以 http:// 开头：密码和群众信息将以明文经网络传输。请使用其 https:// 地址（请联系信息科）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s certificate could not be verified. Ask IT to check the certificate.</source>
        <translation>无法验证服务器证书，请联系信息科检查证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server gave an answer this program does not understand.</source>
        <translation>服务器返回了本程序无法识别的应答。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server cannot be reached, and you last signed in with it more than %1 days ago: connect to the server to sign in.</source>
        <translation>无法连接服务器，且您上次联网登录已超过 %1 天：请连接服务器后登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No reserved case number is left on this PC: connect to the server to take in more cases without the network.</source>
        <translation>本机已没有预留的办件编号：请连接服务器后再离线受理。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server cannot be reached, and the password does not match the one you last signed in with on this PC.</source>
        <translation>无法连接服务器，且密码与您上次在本机登录时的密码不符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server cannot be reached, and you have not signed in on this PC before: connect to the server to sign in.</source>
        <translation>无法连接服务器，且您此前未在本机登录过：请连接服务器后登录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You were signed out after a period of inactivity. Sign in again.</source>
        <translation>长时间未操作，已自动退出登录，请重新登录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong username or password, or the session has ended.</source>
        <translation>用户名或密码错误，或登录已失效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many failed sign-ins: the account is locked for a while. Try again later.</source>
        <translation>登录失败次数过多，账号已被暂时锁定，请稍后再试。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many failed sign-ins from this computer. Wait %n minute(s) before trying again.</source>
        <translation>
            <numerusform>本机登录失败次数过多，请等待 %n 分钟后再试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many failed sign-ins from this computer. Wait %n second(s) before trying again.</source>
        <translation>
            <numerusform>本机登录失败次数过多，请等待 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many failed sign-ins from this computer. Wait a while before trying again.</source>
        <translation>本机登录失败次数过多，请稍等片刻再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server is checking too many sign-ins right now. Try again in a few seconds.</source>
        <translation>服务器正在处理的登录过多，请几秒钟后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No such username: a username has at most 64 characters.</source>
        <translation>没有此用户名：用户名最多 64 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found, or not yours to see.</source>
        <translation>未找到，或您无权查看。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some entries need attention.</source>
        <translation>有内容需要修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materials are missing or cannot be accepted.</source>
        <translation>材料不齐全或不能受理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone changed this meanwhile. Reload it and try again.</source>
        <translation>该内容已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This submission was already used for a different application.</source>
        <translation>该提交编号已用于另一份申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not while a deficient material is outstanding: the applicant must supply it first.</source>
        <translation>容缺材料尚未补齐，暂不能办理：请申请人先补交。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This part of the case is decided already.</source>
        <translation>该事项已作出决定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an approved case can be handed over.</source>
        <translation>只有已批准的办件才能移交监管。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This cannot be done in the case&apos;s current state.</source>
        <translation>办件当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you sent is too large.</source>
        <translation>提交的内容过大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This applicant broke an earlier commitment to supply materials: nothing can be accepted with deficiency until a supervisor clears it. Accept with every material, or give a one-time notice.</source>
        <translation>该申请人曾未按承诺补齐材料：在主管解除记录前，不能再容缺受理。请材料齐全后受理，或出具一次性告知书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was damaged or cut on the way; the server stored nothing. Send it again.</source>
        <translation>文件在传输中损坏或中断，服务器未保存任何内容。请重新发送。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case is finished and takes no more files.</source>
        <translation>该办件已办结，不能再添加文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This case already holds as many files as one case may; nothing was stored. Ask the administrator if it needs more room.</source>
        <translation>此案件的附件已达上限，本次未保存。如需更多空间，请联系管理员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only PDF, JPEG and PNG files can be attached.</source>
        <translation>只能上传 PDF、JPEG 和 PNG 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This service was rated already.</source>
        <translation>本次服务已评价。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This follow-up is closed already.</source>
        <translation>该回访已办结。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change your password first.</source>
        <translation>请先修改密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A user with this username exists already.</source>
        <translation>该用户名已存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your own account is changed by another security administrator.</source>
        <translation>自己的账号须由另一位安全管理员修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One of the chosen cases is already on its way to the hall in another batch.</source>
        <translation>所选办件中有一件已在另一批清单中送往大厅。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This batch was checked in already.</source>
        <translation>该清单已登记接收。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write down the call back to the citizen before closing the follow-up.</source>
        <translation>办结回访前请先填写对群众的回访记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are sending other files already; this one follows when one of them has arrived.</source>
        <translation>您已有其他文件正在发送；待其中一个送达后，此文件再继续发送。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server cannot reach its database just now; nothing was changed. Try again in a moment, and tell IT if it goes on.</source>
        <translation>服务器暂时无法访问其数据库，未作任何更改。请稍后再试；如持续出现，请联系信息技术人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server is too busy right now; nothing was changed. Try again in a moment.</source>
        <translation>服务器当前过于繁忙，未作任何更改。请稍后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server had a problem; nothing was changed. Reference: %1</source>
        <translation>服务器出现问题，未做任何修改。参考编号：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the request (%1).</source>
        <translation>服务器拒绝了请求（%1）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check character does not match: a digit was probably mistyped.</source>
        <translation>校验码不符，可能有数字输错。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The birth date in this number is not a real date.</source>
        <translation>号码中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong length.</source>
        <translation>长度不正确。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contains characters that are not allowed.</source>
        <translation>包含不允许的字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can accept cases only for your own centre.</source>
        <translation>只能为本中心受理办件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The applicant holds no electronic licence for this material.</source>
        <translation>申请人没有该材料对应的电子证照。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown.</source>
        <translation>不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attachment belongs to another case.</source>
        <translation>该附件属于其他办件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not the applicant&apos;s ID number: someone else collects as an agent, with the applicant&apos;s written authorisation.</source>
        <translation>不是申请人的身份证号：他人代领须作为代理人并持申请人的书面委托书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The applicant is an organisation: its result goes to an agent with its authorisation.</source>
        <translation>申请人为单位：须由持单位委托书的代理人领取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An agent collects with the applicant&apos;s written authorisation: scan it first.</source>
        <translation>代理人须持申请人的书面委托书领取：请先扫描委托书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recipient signs for the result: on the customer screen, or scan the signed receipt.</source>
        <translation>领取人须签名：在客户屏上签名，或扫描已签名的签收单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rating must come from the customer screen: ask the citizen to rate again there.</source>
        <translation>评价须由群众在客户屏上作出：请群众在客户屏上重新评价。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too long.</source>
        <translation>过长。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too short: at least %1 characters.</source>
        <translation>太短：至少 %1 个字符。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Too short.</source>
        <translation>太短。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use at least three of: small letters, capital letters, digits, other signs.</source>
        <translation>至少包含小写字母、大写字母、数字、其他符号中的三类。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password must not contain the username.</source>
        <translation>密码不能包含用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This password was used recently: choose another.</source>
        <translation>该密码最近使用过：请换一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not your current password.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid.</source>
        <translation>无效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>core material missing</source>
        <translation>缺少核心材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>required material missing</source>
        <translation>缺少必需材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>may not be supplied later for this matter</source>
        <translation>本事项不允许容缺后补</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not accepted as deficient: the applicant broke an earlier commitment</source>
        <translation>不予容缺：申请人曾有失信未履行承诺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the promised date is later than the rules allow</source>
        <translation>承诺补齐日期晚于规定期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a material of this matter</source>
        <translation>不是本事项的材料</translation>
    </message>
</context>
<context>
    <name>onewindow::models::AttachmentUpload</name>
    <message>
        <location filename="../models/attachmentupload.cpp" line="+192"/>
        <source>The server holds another file under this upload&apos;s key. The file is kept on this PC: retry sends it under a new key, or discard it.</source>
        <translation>服务器上该上传编号下已有另一个文件。文件仍保留在本机：重新发送时将使用新编号，也可以放弃。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file was damaged or cut on the way, and the server stored nothing. The file is kept on this PC: retry sends it again.</source>
        <translation>文件在传输中损坏或中断，服务器未保存任何内容。文件仍保留在本机：重新发送即可。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case is finished and takes no more files. The file is kept on this PC until you discard it.</source>
        <translation>该办件已办结，不能再添加文件。文件保留在本机，直到您放弃。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 The file is kept on this PC: retry sends it again, nothing is stored twice.</source>
        <translation>%1 文件仍保留在本机：重新发送即可，不会重复保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 The file is kept on this PC until you discard it.</source>
        <translation>%1 文件保留在本机，直到您放弃。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::AuditLogModel</name>
    <message>
        <location filename="../models/auditlog.cpp" line="+103"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>onewindow::models::CaseListModel</name>
    <message>
        <location filename="../models/caselistmodel.cpp" line="+41"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n missing</source>
        <translation>
            <numerusform>缺 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>受理中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised by</source>
        <translation>承诺办结日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deficient materials</source>
        <translation>容缺材料</translation>
    </message>
</context>
<context>
    <name>onewindow::models::CatalogAdmin</name>
    <message>
        <location filename="../models/matteradmin.cpp" line="+212"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fields added: %1</source>
        <translation>新增字段：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fields removed: %1</source>
        <translation>删除字段：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fields changed: %1</source>
        <translation>修改字段：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials added: %1</source>
        <translation>新增材料：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Materials removed: %1</source>
        <translation>删除材料：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Materials changed: %1</source>
        <translation>修改材料：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons added: %1</source>
        <translation>新增理由：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reasons removed: %1</source>
        <translation>删除理由：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reasons changed: %1</source>
        <translation>修改理由：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Its result provides as well: %1</source>
        <translation>办理结果新增提供：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its result no longer provides: %1</source>
        <translation>办理结果不再提供：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No difference.</source>
        <translation>没有差异。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::CenterVolumeModel</name>
    <message>
        <location filename="../models/statsmodels.cpp" line="+229"/>
        <source>none a year before</source>
        <translation>去年同期无</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A year before</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>同比</translation>
    </message>
</context>
<context>
    <name>onewindow::models::DeficiencyListModel</name>
    <message>
        <location filename="../models/caselistmodel.cpp" line="+79"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>补齐期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>受理中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>onewindow::models::DeficiencyTracking</name>
    <message>
        <location filename="../models/deficiencytracking.cpp" line="+69"/>
        <source>Outstanding</source>
        <translation>待补齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplied</source>
        <translation>已补齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waived</source>
        <translation>已免交</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Reminder before the due date</source>
        <translation>到期前提醒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminder on the due date</source>
        <translation>到期日提醒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice of being overdue</source>
        <translation>逾期通知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: sent by SMS %2</source>
        <translation>%1：已于 %2 短信发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: could not be sent (written %2)</source>
        <translation>%1：发送失败（%2 生成）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not sent, no longer needed</source>
        <translation>%1：未发送，已无需提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: waiting to be sent (written %2)</source>
        <translation>%1：等待发送（%2 生成）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: accepted as deficient, to be supplied by %2</source>
        <translation>%1：容缺受理，须于 %2 前补交</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: overdue</source>
        <translation>%1：已逾期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as a scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on paper</source>
        <translation>纸质材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: supplied %2, recorded by %3</source>
        <translation>%1：已补交%2，登记人 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: waived by %2: %3</source>
        <translation>%1：%2 批准免交：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n material(s) still to be supplied</source>
        <translation>
            <numerusform>尚有 %n 份材料待补交</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1, %n of them overdue.</source>
        <translation>
            <numerusform>%1，其中 %n 份已逾期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onewindow::models::FileImportScanner</name>
    <message>
        <location filename="../models/scanner.cpp" line="+752"/>
        <source>Import from file</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the files to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” could not be opened: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” is not a PNG, JPEG or PDF file, or it is damaged. Choose another file.</source>
        <translation>“%1”不是 PNG、JPEG 或 PDF 文件，或已损坏。请选择其他文件。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::FollowUpListModel</name>
    <message>
        <location filename="../models/followuplistmodel.cpp" line="+46"/>
        <source>%1 (intake)</source>
        <translation>%1（受理）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (delivery)</source>
        <translation>%1（出件）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closed, rated again: %1</source>
        <translation>已办结，再次评价：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call back</source>
        <translation>回访对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>onewindow::models::Formatting</name>
    <message>
        <location filename="../models/formatting.cpp" line="+21"/>
        <source>half a working day</source>
        <translation>半个工作日</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 working days</source>
        <translation>%1 个工作日</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted with deficiency</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under review</source>
        <translation>审查中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved (simulated)</source>
        <translation>模拟审批通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result ready</source>
        <translation>待出件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Outstanding</source>
        <translation>待补交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supplied</source>
        <translation>已补交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waived</source>
        <translation>已免交</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Counter clerk</source>
        <translation>窗口受理人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village agent</source>
        <translation>村（社区）代办员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department approver</source>
        <translation>部门审批人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor</source>
        <translation>督查人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Security administrator</source>
        <translation>安全管理员</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
</context>
<context>
    <name>onewindow::models::MatterCatalogModel</name>
    <message>
        <location filename="../models/mattercatalogmodel.cpp" line="+61"/>
        <source>%1 (initials: %2)</source>
        <translation>%1（拼音首字母：%2）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised time</source>
        <translation>承诺时限</translation>
    </message>
</context>
<context>
    <name>onewindow::models::MatterVersionListModel</name>
    <message>
        <location filename="../models/matteradmin.cpp" line="-199"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superseded</source>
        <translation>已废止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In effect</source>
        <translation>现行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published, from %1</source>
        <translation>已发布，%1 起生效</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In effect from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drafted by</source>
        <translation>起草人</translation>
    </message>
</context>
<context>
    <name>onewindow::models::NumberStock</name>
    <message>
        <location filename="../models/numberstock.cpp" line="+27"/>
        <source>Numbers are being reserved already.</source>
        <translation>正在预留办件编号。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::OutboxModel</name>
    <message>
        <location filename="../models/outboxmodel.cpp" line="+91"/>
        <source>Sent</source>
        <translation>已上传</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the server: %1</source>
        <translation>服务器未予受理：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to be sent</source>
        <translation>等待上传</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Waiting to be sent (%n attempt(s): %1)</source>
        <translation>
            <numerusform>等待上传（已尝试 %n 次：%1）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>onewindow::models::ReviewQueueModel</name>
    <message numerus="yes">
        <location filename="../models/reviewqueuemodel.cpp" line="+56"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>超期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1, to the green channel&apos;s deadline %2</source>
        <translation>%1，至绿色通道期限 %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>受理中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised by</source>
        <translation>承诺办结日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>onewindow::models::SaneScanner</name>
    <message>
        <location filename="../models/scanner.cpp" line="-650"/>
        <source>The scanner is busy. Wait until it is free, then scan again.</source>
        <translation>扫描仪正忙，请稍候再扫描。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper is jammed in the scanner. Remove it, then scan again.</source>
        <translation>扫描仪卡纸，请取出纸张后重新扫描。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no paper in the document feeder. Put the pages in, then scan again.</source>
        <translation>进纸器中没有纸张，请放入后重新扫描。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scanner&apos;s cover is open. Close it, then scan again.</source>
        <translation>扫描仪盖板未合上，请合上后重新扫描。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scanner stopped answering. Check its cable and power, then scan again.</source>
        <translation>扫描仪没有响应，请检查连接线和电源后重新扫描。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is not enough memory for this scan. Choose a lower resolution and scan again.</source>
        <translation>内存不足，请降低分辨率后重新扫描。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer may not use the scanner. Ask your administrator for access.</source>
        <translation>本机无权使用该扫描仪，请联系管理员开通。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scan was cancelled.</source>
        <translation>扫描已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scanner reported a problem (%1). Scan again; if it happens again, switch the scanner off and on.</source>
        <translation>扫描仪报告故障（%1）。请重新扫描；如仍出现，请关闭扫描仪电源后再打开。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scanning is not available on this computer (%1). Ask your administrator to set up the scanner.</source>
        <translation>本机无法扫描（%1），请联系管理员配置扫描仪。</translation>
    </message>
    <message>
        <location line="+225"/>
        <location line="+9"/>
        <source>The scanner sent an empty picture. Check the scan area and scan again.</source>
        <translation>扫描仪返回了空白图像，请检查扫描区域后重新扫描。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scanner sent the picture in a form this program cannot read (%1 bits). Choose another scan mode and scan again.</source>
        <translation>扫描仪返回的图像格式无法识别（%1 位），请换一种扫描模式后重新扫描。</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>The scanner “%1” was not found. Check that it is switched on and connected, then choose it again.</source>
        <translation>未找到扫描仪“%1”，请确认已开机并连接后重新选择。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>This computer has no scanning through SANE. Scan with the scanner&apos;s own program and import the files.</source>
        <translation>本机不支持通过 SANE 扫描。请用扫描仪自带的程序扫描，再导入文件。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::Scanner</name>
    <message>
        <location line="-684"/>
        <source>The scanner is still busy with the previous scan. Wait until it has finished.</source>
        <translation>扫描仪仍在进行上一次扫描，请等待完成。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::SimulatedIdentityReader</name>
    <message>
        <location filename="../models/identityreader.cpp" line="+46"/>
        <source>Simulated ID-card reader (%1)</source>
        <translation>模拟身份证读卡器（%1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No card on the reader.</source>
        <translation>读卡器上没有身份证。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The card could not be read.</source>
        <translation>无法读取身份证。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::StatsApi</name>
    <message>
        <location filename="../models/statsmodels.cpp" line="+103"/>
        <location line="+12"/>
        <source>There is no connection to the server.</source>
        <translation>未连接服务器。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::StatsFigureModel</name>
    <message>
        <location line="-298"/>
        <source>Cases accepted</source>
        <translation>受理件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted with deficiency</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused with a one-time notice</source>
        <translation>一次性告知不予受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminated</source>
        <translation>终止办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results handed out</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided</source>
        <translation>已作出决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time (promised limit)</source>
        <translation>承诺时限内办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time, the hall&apos;s target</source>
        <translation>按时办结率目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time (legal limit)</source>
        <translation>法定时限内办结率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling time, mean (working days)</source>
        <translation>平均办理时长（工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling time, 90% within (working days)</source>
        <translation>90%办件办理时长在（工作日）以内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deficient materials</source>
        <translation>容缺材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplied in time</source>
        <translation>按期补齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplied late</source>
        <translation>逾期补齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waived</source>
        <translation>免予提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended by termination</source>
        <translation>因终止办理结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still owed</source>
        <translation>尚未补齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied (basically satisfied and better)</source>
        <translation>满意率（基本满意及以上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups open</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups overdue</source>
        <translation>回访逾期</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>onewindow::models::TermbIdentityReader</name>
    <message>
        <location filename="../models/identityreader.cpp" line="+31"/>
        <source>ID-card reader (termb), port %1</source>
        <translation>身份证读卡器（termb），端口 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID-card reader library not installed: %1</source>
        <translation>未安装身份证读卡器驱动库：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No ID-card reader is installed.</source>
        <translation>未安装身份证读卡器。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The ID-card reader does not answer on port %1.</source>
        <translation>身份证读卡器在端口 %1 上无响应。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No card on the reader, or lift the card and place it again.</source>
        <translation>读卡器上没有身份证，或请拿起身份证后重新放置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The card could not be read.</source>
        <translation>无法读取身份证。</translation>
    </message>
</context>
<context>
    <name>onewindow::models::TodayCasesModel</name>
    <message>
        <location filename="../models/todaycasesmodel.cpp" line="+102"/>
        <location line="+28"/>
        <source>There is no connection to the server.</source>
        <translation>未连接服务器。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The server did not say which day it is.</source>
        <translation>服务器未告知当前日期。</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit code or ID number</source>
        <translation>统一社会信用代码或身份证号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promised by</source>
        <translation>承诺办结日期</translation>
    </message>
</context>
<context>
    <name>onewindow::models::TransferItemModel</name>
    <message>
        <location filename="../models/transferitemmodel.cpp" line="+76"/>
        <source>Case file (signed acceptance papers)</source>
        <translation>受理文书（申请人签字件）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note on a missing item</source>
        <translation>缺失材料备注</translation>
    </message>
</context>
<context>
    <name>onewindow::models::TransferListModel</name>
    <message>
        <location filename="../models/transferlistmodel.cpp" line="+30"/>
        <source>On its way to the hall</source>
        <translation>正送往大厅</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arrived, complete</source>
        <translation>已送达，材料齐全</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Arrived, %n item(s) missing</source>
        <translation>
            <numerusform>已送达，缺失 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n case(s), %1 item(s)</source>
        <translation>
            <numerusform>%n 件办件，%1 份材料</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Manifest</source>
        <translation>清单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From → to</source>
        <translation>起止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent by</source>
        <translation>送件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent at</source>
        <translation>送出时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>onewindow::models::UserListModel</name>
    <message>
        <location filename="../models/useradmin.cpp" line="+62"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active, must change the password</source>
        <translation>启用，须修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre or department</source>
        <translation>中心或部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>onewindow::models::WeeklyTrendModel</name>
    <message>
        <location filename="../models/statsmodels.cpp" line="+129"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decided</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
</context>
<context>
    <name>onewindow::pluginhost::AboutPluginsDialog</name>
    <message>
        <location filename="../client/pluginhost/aboutpluginsdialog.cpp" line="+22"/>
        <source>About Plugins</source>
        <translation>关于插件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department plugins found by the client. A plugin that could not start says why in the Error column.</source>
        <translation>客户端找到的部门插件。无法启动的插件会在“错误”列说明原因。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plugin columns</source>
        <translation>插件列</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Select a plugin to see its details.</source>
        <translation>选择一个插件以查看详细信息。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vendor: %1</source>
        <translation>提供方：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Depends on: %1</source>
        <translation>依赖：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>onewindow::pluginhost::PluginListModel</name>
    <message>
        <location filename="../client/pluginhost/pluginlistmodel.cpp" line="+90"/>
        <source>%1, version %2, %3</source>
        <translation>%1，版本 %2，%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No error</source>
        <translation>无错误</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>onewindow::pluginhost::PluginManager</name>
    <message>
        <location filename="../client/pluginhost/pluginmanager.cpp" line="+42"/>
        <source>an exception that is not a std::exception</source>
        <translation>非 std::exception 的异常</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Another plugin with the Id %1 was found first, in %2.</source>
        <translation>已先在 %2 中找到 Id 为 %1 的另一个插件。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Missing dependency: %1 %2 is not installed.</source>
        <translation>缺少依赖：未安装 %1 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+59"/>
        <location line="+129"/>
        <location line="+8"/>
        <source>Depends on %1, which failed.</source>
        <translation>依赖的 %1 加载失败。</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Incompatible dependency: needs %1 %2, but the installed %1 %3 is compatible only back to %4.</source>
        <translation>依赖不兼容：需要 %1 %2，但已安装的 %1 %3 只向下兼容到 %4。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Circular dependency: %1.</source>
        <translation>循环依赖：%1。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot load the library: %1</source>
        <translation>无法加载库：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library loaded, but its plugin object does not implement IDepartmentPlugin.</source>
        <translation>库已加载，但其插件对象未实现 IDepartmentPlugin。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The client could not prepare the plugin&apos;s context.</source>
        <translation>客户端无法为插件准备运行环境。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Initialization failed with an exception: %1</source>
        <translation>初始化时发生异常：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Initialization failed.</source>
        <translation>初始化失败。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Initialization failed: %1</source>
        <translation>初始化失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+145"/>
        <source>The plugin&apos;s contributions could not be read: %1</source>
        <translation>无法读取插件提供的扩展：%1</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>extensionsInitialized() failed with an exception: %1</source>
        <translation>extensionsInitialized() 发生异常：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>aboutToShutdown() failed with an exception: %1</source>
        <translation>aboutToShutdown() 发生异常：%1</translation>
    </message>
</context>
<context>
    <name>onewindow::printing::DocumentRenderer</name>
    <message>
        <location filename="../client/printing/documentrenderer.cpp" line="+341"/>
        <source>The print template %1 cannot be read.</source>
        <translation>无法读取打印模板 %1。</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>A non-acceptance notice needs its reason: the clerk&apos;s words or the list of problems.</source>
        <translation>不予受理通知书需要写明理由：受理人员的说明或问题清单。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The PDF cannot be written: the file is not open for writing.</source>
        <translation>无法写入 PDF：文件未以写入方式打开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The PDF cannot be written: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+8"/>
        <source>The PDF cannot be written to %1: %2</source>
        <translation>无法将 PDF 写入 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No printer was chosen.</source>
        <translation>未选择打印机。</translation>
    </message>
</context>
<context>
    <name>onewindow::printing::PrintDocument</name>
    <message>
        <location filename="../client/printing/printdocument.cpp" line="+23"/>
        <source>Acceptance notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commitment letter for acceptance with deficiency</source>
        <translation>容缺受理承诺书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-acceptance notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material receipt</source>
        <translation>材料接收凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder letter for deficient materials</source>
        <translation>容缺材料补正提醒函</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice to correct after review</source>
        <translation>补正材料通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision not to grant</source>
        <translation>不予许可决定书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulated approval opinion</source>
        <translation>模拟审批意见书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result notice</source>
        <translation>办理结果通知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery receipt</source>
        <translation>出件签收单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer manifest of paper materials</source>
        <translation>代办材料流转清单</translation>
    </message>
</context>
<context>
    <name>onewindow::sdk::TodayCasesPage</name>
    <message>
        <location filename="../plugins/sdk/widgets/todaycasespage.cpp" line="+23"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the server again for today&apos;s cases</source>
        <translation>重新向服务器查询今日办件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of cases</source>
        <translation>办件数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Case columns</source>
        <translation>办件列</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Loading today&apos;s cases…</source>
        <translation>正在加载今日办件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not load today&apos;s cases: %1</source>
        <translation>无法加载今日办件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not loaded yet.</source>
        <translation>尚未加载。</translation>
    </message>
</context>
</TS>
