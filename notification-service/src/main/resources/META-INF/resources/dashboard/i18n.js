// The dashboard's labels in Chinese (the default) and English. Names that come with the data (indicators, chains,
// prefectures) carry both languages in the API answers themselves.
window.I18N = {
  zh: {
    title: '产业链供需对接 · 监测看板', region: '地区', year: '年度', refresh: '刷新', signOut: '退出',
    signInTitle: '主管部门登录', signIn: '登录',
    signInHelp: '请粘贴本厅（局）的访问令牌（bureau 角色的 JWT）。令牌只保存在本浏览器标签页中。',
    badToken: '令牌无效或已过期', notBureau: '此令牌不属于主管部门（bureau）或运营方（operator）',
    perChain: '按产业链', perPrefecture: '按地市', feed: '实时对接动态', sessions: '对接活动', exports: '报表导出',
    exportsHelp: '仅含本地区数据；CSV 为带 BOM 的 UTF-8，可直接用 Excel/WPS 打开。',
    exportKpisXlsx: '指标报告 XLSX', exportKpisCsv: '指标报告 CSV', exportMatchesXlsx: '对接匹配 XLSX', exportMatchesCsv: '对接匹配 CSV',
    target: '目标', met: '已达标', unmet: '未达标', of: '/',
    chain: '产业链', flagship: '标志性', demands: '需求', matches: '匹配', answered: '已回应', cooperating: '达成合作',
    sessionsHeld: '活动场次', prefecture: '地市', enterprises: '在册企业', specialisedSmes: '专精特新', engagedSmes: '参与',
    cooperatingSmes: '合作中小企业', date: '日期', name: '名称', venue: '地点', status: '状态',
    live: '已连接，实时接收', offline: '连接中断，正在重连…', loading: '正在加载…', updated: '更新于',
    noSessions: '暂无对接活动', noEvents: '等待新的对接事件…', sample: '（产业链为示例数据）',
    matched: (t, n) => `需求「${t}」匹配到 ${n} 家候选企业`, moved: (e, t, s) => `${e} · 「${t}」：${s}`,
    statuses: { PROPOSED: '已推荐', INTERESTED: '有意向', DECLINED: '已婉拒', SHORTLISTED: '入围', REJECTED: '未入选',
                COOPERATING: '达成合作', ENDED: '已结束' },
    sessionStatuses: { SCHEDULED: '已安排', HELD: '已举办', CANCELLED: '已取消' },
    footer: '融通 Rongtong · 数据来自 matching-service、demand-service 与 registry-service 的接口，页面不连接互联网'
  },
  en: {
    title: 'Chain matchmaking · programme dashboard', region: 'Region', year: 'Year', refresh: 'Refresh', signOut: 'Sign out',
    signInTitle: 'Bureau sign-in', signIn: 'Sign in',
    signInHelp: "Paste your bureau's access token (a JWT with the bureau role). It stays in this browser tab only.",
    badToken: 'The token is invalid or expired', notBureau: 'This token is neither a bureau nor an operator token',
    perChain: 'Per industrial chain', perPrefecture: 'Per prefecture', feed: 'Live match feed', sessions: 'Matchmaking sessions',
    exports: 'Exports', exportsHelp: "Your region's data only; the CSV is UTF-8 with a byte-order mark (opens in Excel and WPS).",
    exportKpisXlsx: 'KPI report XLSX', exportKpisCsv: 'KPI report CSV', exportMatchesXlsx: 'Matches XLSX', exportMatchesCsv: 'Matches CSV',
    target: 'target', met: 'met', unmet: 'not met', of: '/',
    chain: 'Chain', flagship: 'flagship', demands: 'Demands', matches: 'Matches', answered: 'Answered', cooperating: 'Cooperating',
    sessionsHeld: 'Sessions', prefecture: 'Prefecture', enterprises: 'Enterprises', specialisedSmes: 'Specialised SMEs',
    engagedSmes: 'Engaged', cooperatingSmes: 'Cooperating SMEs', date: 'Date', name: 'Name', venue: 'Venue', status: 'Status',
    live: 'Connected, live', offline: 'Disconnected, reconnecting…', loading: 'Loading…', updated: 'Updated',
    noSessions: 'No sessions yet', noEvents: 'Waiting for match events…', sample: '(sample chain list)',
    matched: (t, n) => `Demand “${t}” matched ${n} candidate${n === 1 ? '' : 's'}`, moved: (e, t, s) => `${e} · “${t}”: ${s}`,
    statuses: { PROPOSED: 'proposed', INTERESTED: 'interested', DECLINED: 'declined', SHORTLISTED: 'shortlisted', REJECTED: 'rejected',
                COOPERATING: 'cooperating', ENDED: 'ended' },
    sessionStatuses: { SCHEDULED: 'scheduled', HELD: 'held', CANCELLED: 'cancelled' },
    footer: 'Rongtong · figures from the matching-service, demand-service and registry-service APIs; this page loads nothing from the internet'
  }
};
