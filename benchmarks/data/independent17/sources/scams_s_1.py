ROWS = [
    ('impersonate_acquaintance', 'supplier_account_change', 'email', '王经理您好：因我司基本户正在做年度审计，原账户暂停收款，本期货款请汇入新账户：户名 佛山市丰锐五金制品有限公司，开户行 顺禾农商银行桂城支行，账号 8001 2290 3316 5520。此账户为我司新开一般户，已在合同附件中备案。请于本周五前安排付款，付款后请将水单回传至本邮箱，以便我方及时发货。不便之处敬请谅解。财务部 李晓梅'),
    ('other_fraud', 'fake_gov_procurement', 'sms', '贵司好，我单位（湖滨区疾控中心）近期拟采购一批防护物资，经了解贵司资质符合要求，为不耽误采购进度，请负责人尽快联系采购办刘主任 13549276180 对接报价事宜。'),
    ('other_fraud', 'bookkeeping_agent', 'chat', '老板您好，小规模公司零申报代理记账每月只要99，全年不加价，还能办税务注销、工商异常解除、地址变更，有需要直接打我电话 0571-85063294'),
    ('impersonate_acquaintance', 'supplier_account_change', 'chat', '刘姐，我是鑫泰包装的小周，我们公司下个月开始换收款账户了，旧账户别再打款，新的我晚点发你。'),  # subtle
    ('impersonate_authority', 'environmental_penalty', 'chat', '你好，我是县环保局执法大队的，你们厂排污许可的事需要跟老板沟通一下，麻烦把老板微信推给我。'),  # subtle
    ('other_fraud', 'trademark_renewal_agent', 'email', '尊敬的商标权利人：贵司“禾沐”商标近日被他人提出异议，如不在法定期限内答辩将被撤销，届时贵司将无法继续使用该品牌。本所可代为答辩，代理费6800元，请尽快回复本邮件或致电 010-82917356 联系赵律师。'),
    ('impersonate_authority', 'tax_bureau_abnormal', 'sms', '你單位稅務登記信息異常，將被認定為非正常戶，請速聯繫辦稅專員 ０２０－８７６５３１２９ 處理。'),
    ('impersonate_service', 'fake_courier_claim', 'retelling', '我是开网店的，“快递客服”说我发的货丢了要赔钱，先让我在 lpzx-kf.top 填了店铺信息，又让我打开借呗看额度“验证资质”，还要转到“理赔备用金账户”，我这才反应过来不对。'),
    ('credit_record', 'credit_repair', 'call', '您好，我这边是企业信用服务中心，贵司有一条行政处罚记录被公示了，会影响银行授信和投标，客户查得到的。我们可以帮您申请撤除，费用四千八，三个工作日出结果，先付一半。'),
    ('impersonate_service', 'platform_violation', 'chat', '您好，我是抖店商家违规审核组的，您店铺最近有一笔订单被判定虚假发货，需要跟店主本人核实一下情况。'),  # subtle
    ('other_fraud', 'trademark_renewal_agent', 'question', '有人打电话说我家店名在别的类别被人抢注了，要交一万二“加急驳回”，不然以后招牌都得换，连外卖平台上的店名也不能用，怎么判断真假？'),
    ('impersonate_service', 'platform_violation', 'sms', '【淘宝网】您的店铺因售假被消费者投诉，已扣除12分，店铺权重已下调，请于24小时内登录 taobao-shensu.cc 提交申诉材料，逾期将关闭店铺并冻结保证金。'),
    ('phishing', 'tax_refund_phishing', 'question', '会计问一下，短信说公司能申请“小微企业退税”，要点链接填法人银行卡和收到的验证码，链接是 qyts-gov.cn.com/t ，税务局会这样通知吗？'),
    ('impersonate_acquaintance', 'colleague_impersonation', 'chat', '小陈，我是财务部陈经理，这是我爱人的号，公司那边有几张单子要你先帮我看一下，现在方便吗？'),  # subtle
    ('other_fraud', 'overpaid_refund_customer', 'retelling', '店里来个客人买了两条烟，说微信付了两次款，把手机上的“付款记录”拿给我看，我当时店里人多，一着急就退了他两千，晚上对账才发现只收到一笔，那截图是P的，人早就走了。'),
    ('impersonate_authority', 'tax_bureau_abnormal', 'call', '您好，这里是区税务局稽查局，你们公司去年有一批进项发票被认定为异常凭证，涉及的开票方已经被查处了，需要法人或者财务马上配合核实，我这边给您转到专案组，请不要挂断。'),  # subtle
    ('impersonate_service', 'traffic_support', 'chat', '店长您好，我是平台运营小二，您家店最近数据不错，我们有一个新商家扶持计划想邀请您参加，方便聊几句吗？'),  # subtle
    ('impersonate_authority', 'license_annual_report', 'call', '喂，你好，是恒达汽修的负责人吗？我是市场监管局的，你们执照上的登记信息需要核对一下，法人现在方便接电话吗？'),  # subtle
    ('investment', 'franchise_project', 'retelling', '店里生意差，有人拉我进了个“商户联盟”群，说在 gyl-lm.cc 上投钱进“供应链项目”每天分红，群里老板们天天晒收益。前两周确实收到分红，我追加了十八万后，平台提不了现，群也解散了。'),
    ('impersonate_service', 'platform_violation', 'sms', '【拼夕夕】商家您好，您的店铺涉嫌违规已被處罰，請聯繫客服解除限制：ｈｔｔｐ：／／ｐｄｄ－ｓｈａｎｇｊｉａ．ｃｃ'),
    ('impersonate_service', 'delivery_platform_merchant', 'chat', '您好，我是饿了么商家服务的，您门店的资质证照快过期了，过期系统会自动下线，麻烦在这个页面重新上传一下营业执照和法人身份证：ele-shangjia.top/zz'),
    ('other_fraud', 'tender_entry_fee', 'question', '一家叫“中正招标代理”的公司从0791-86237409打电话来，说我们投的标中了，但要先交“中标服务费”和“协调费”才能发中标通知书，正规招标是这样吗？'),
    ('other_fraud', 'fake_invoice', 'sms', '代kai發piao，各類票據，全國聯網可查，點位低，微_信 fp55126'),
    ('impersonate_service', 'pos_machine_upgrade', 'question', '刚接到0755-23347718打来的电话，说店里的刷卡机要升级，不然下个月用不了，明天派人上门换机，让我先把机器编号和绑定的卡号发给他，能给吗？'),
    ('other_fraud', 'association_award', 'notice', '【行业协会】恭喜贵店荣获“市级放心消费示范店”称号，牌匾及证书已制作完成，请于3日内联系秘书处 0371-65813407 确认领取方式，逾期视为自动放弃荣誉。'),
    ('loan', 'tax_loan', 'chat', '王总，您企业的纳税信用等级符合“银税互动”条件，可以申请纯信用额度，点这个看看能批多少 shuidai-yh.cc/apply'),
    ('impersonate_service', 'merchant_account_frozen', 'sms', '【支付宝】您的商家收款账户因交易异常已被限制收款，已收款项暂缓结算，请于今日登录 alipay-shanghu.cc/jd 完成商户信息核验后解除限制。'),
    ('impersonate_service', 'corporate_account_review', 'statement', '我是一家小公司的出纳，有个“银行客户经理”加我企业微信，头像是银行logo，说要做账户年检，让我发营业执照、法人身份证照片，最后还要U盾密码。我觉得不对劲没给，打了开户行电话才知道根本没这回事，在这里提醒同行。'),
    ('prize', 'merchant_prize', 'sms', '【商户回馈】恭喜您的收款商户号获得年度活跃商户奖励，可免费领取扫码枪一台及现金红包，奖励名额有限，请在48小时内点击 wxpay-sh.top/jl 填写收货信息。'),
    ('phishing', 'enterprise_im_phishing', 'chat', '你好，我是公司新来的IT，现在统一把企业邮箱迁到新服务器，你在这个页面 mail-sj.cn.com 登一下你的邮箱账号就行，不登的话明天收不到外部邮件，我这边批量处理。'),
    ('impersonate_service', 'traffic_support', 'chat', '店主您好，恭喜入选快手小店新商家流量扶持计划，3000元流量券点这里领 ks-fuchi.vip/s ，24小时内有效哦。'),
    ('other_fraud', 'qr_code_replacement', 'sms', '【收款码升级】您的商户收款码即将失效，为保障正常收款，请点击 http://shoukuanma-sj.cn.com 申请更换新版码牌，工作人员将上门贴码。'),
    ('impersonate_authority', 'tax_bureau_abnormal', 'notice', '税务事项通知书（税通〔2025〕3817号）：经系统比对，你单位存在未按期申报及发票异常情形，拟处以罚款并认定为非正常户。请收到后立即联系专管员 0755-28613947 办理补正手续，逾期未处理的将依法移交稽查部门。'),
    ('impersonate_service', 'gas_cut_threat', 'call', '喂，是老街面馆吗？我是燃气公司的，你们店的燃气报警器到了强制更换年限，明天上午要派人过去，老板在不在？'),  # subtle
    ('impersonate_authority', 'fire_safety_inspection', 'complaint', '有个穿得像制服的人来饭店说是消防检查，转了一圈说我们烟感和灭火器都不合格，要开罚单，又说买他们的设备就可以不罚。我怕耽误晚上营业，花一千八买了六个灭火器，后来问了附近消防站，根本没有这个人。'),
    ('shopping', 'wholesale_low_price', 'complaint', '在网上找了个低价烟酒“一手货源”，对方给我看的视频、仓库都很真，先付了一万二定金，他又说物流在路上被扣了要交罚款才能放行，之后就失联了，这算被骗了吧？'),
    ('other_fraud', 'recruitment_agent', 'complaint', '工厂赶订单急招工，一个劳务中介说能送三十个熟手来，收了我一万的定金，还发了工人名单和身份证照片。约好的那天一个人都没来，微信也把我删了。'),
    ('phishing', 'finance_subsidy_phishing', 'chat', '各位同事，财务部通知：本月起发放个税专项补贴，请大家点下面链接登记姓名、银行卡号和身份证号：http://114.55.82.190/bt/ 今天下班前完成。'),
    ('impersonate_service', 'delivery_platform_merchant', 'call', '喂老板您好，我是外卖平台的商家运营，您店铺收到顾客食品安全投诉，说吃了拉肚子，系统要下线整改。您现在打开微信，我教您怎么在后台提交申诉，不然今天的单都接不了。'),
    ('impersonate_acquaintance', 'boss_impersonation_group', 'chat', '各位，这是公司新建的内部工作群，原来的群以后不用了，财务和行政的同事都在吧？刘总马上进群。'),  # subtle
    ('impersonate_service', 'corporate_account_review', 'chat', '您好，贵司基本户今年还没做账户年检，再拖就要暂停非柜面交易了，您方便的时候打我座机 0571-87350264，我是对公的客户经理。'),
    ('phishing', 'ukey_certificate', 'sms', '贵司U盾證書已過期，請登錄 ｗｗｗ．ｉｃｂｃ－ｕｄｕｎ．ｔｏｐ 更新，以免影響對公轉賬。'),
    ('impersonate_service', 'platform_deposit_upgrade', 'question', '有个自称拼多多招商经理的人加我微信，说我的店可以升级成“官方旗舰店”，要交三万保证金打到他们“对公账户”，他留的电话是18820463917，商家后台没看到通知，这是真的吗？'),
    ('impersonate_service', 'fake_courier_claim', 'chat', '商家您好，我是快递理赔客服，您单号7731 8205 6492的件在转运中破损了，可以给您赔付，您点这里填一下收款信息 kd-lipei.top/c'),
    ('phishing', 'invoice_phishing', 'email', '您有一张新的电子发票待查收：开票方 广州华锦科技有限公司，购买方 贵公司，价税合计 12,600.00 元，开票日期为本月12日。因系统升级，本发票仅支持在线查验，请点击查看并下载：https://fapiao-cx.com.cn.top/view?no=44018266 ，逾期链接失效将无法补开。'),
    ('rebate_task', 'shop_brushing', 'sms', '淘宝/拼多多新店没流量？专业补单，真人真号，安全不降权，100单起做，返佣快，加扣扣3917204865'),
    ('phishing', 'finance_subsidy_phishing', 'email', '【薪資補貼】人事行政部通知：依據最新政策，公司全體員工可申領2000元住房補貼，請於3日內登錄 hr-butie.vip 辦理，逾期不補。'),
    ('other_fraud', 'patent_agent', 'notice', '【专利年费催缴通知】贵公司名下实用新型专利年费已逾期，滞纳金逐日增加，如在宽限期内仍未缴纳，专利权将终止且不可恢复，请尽快联系专利代办处 0571-86902471 补缴。'),
    ('loan', 'business_loan_fee', 'call', '您好，请问您是个体工商户吗？我们针对小微商户有一款政府贴息的经营贷，利息很低，您最近有资金周转需求吗？'),  # subtle
    ('other_fraud', 'online_promotion_agent', 'chat', '您好老板，我是做同城团购代运营的，看到您家店评分挺高但是曝光少，有兴趣了解一下吗？'),  # subtle
    ('impersonate_authority', 'environmental_penalty', 'notice', '【生态环境局整改通知】你厂涉嫌废气超标排放已被群众举报，经初步核查情况属实，现责令立即停产整改。请负责人于明日前联系执法人员 0512-65237814 接受调查，逾期不联系的将予以查封并公开通报。'),
    ('rebate_task', 'review_manipulation', 'complaint', '给我家民宿找人删差评，对方说跟平台内部有关系，收了一千五说三天就能删掉，还给我看了别人的“成功案例”。到现在一条都没少，人也找不到了。'),
    ('impersonate_authority', 'court_summons', 'email', '传票：经审查，贵公司拖欠货款纠纷一案已立案受理，本院定于下周三上午九时开庭。请法定代表人下载附件《应诉通知书》查看详情：http://fy-susong.cn.com/ws/2571 ，无正当理由拒不到庭的，将依法缺席审理。'),
    ('impersonate_authority', 'social_security_audit', 'email', '各用人单位：根据2025年社保稽核工作安排，请于3个工作日内下载并填写《单位参保自查表》，如实申报参保人数及缴费基数，下载地址：https://shebao-jihe.cn.com/zcb，逾期未报送的视为拒绝稽核，将依法从严处理。'),
    ('impersonate_authority', 'fire_safety_inspection', 'notice', '【消防整改通知】经排查，贵店存在疏散通道堵塞、灭火器过期等消防隐患，限三日内整改，逾期罚款5000元并责令停业。整改咨询：13807459261（王工）'),
    ('impersonate_service', 'pos_machine_upgrade', 'sms', '【银联商务】尊敬的商户，您的POS机费率即将由0.38%上调至0.6%，如需保持原费率请在3日内联系客服 0755-23896514 办理。'),
    ('impersonate_acquaintance', 'landlord_rent_account', 'sms', '小林，我是你店面的房东，老号码不用了，以后有事打这个号，房租的事回头跟你细说。'),  # subtle
    ('impersonate_acquaintance', 'boss_impersonation_private', 'sms', '小刘，我是陈总，这是我新换的号码，旧号先别打了，你把微信也加上，等会有事交代你。'),  # subtle
    ('impersonate_authority', 'social_security_audit', 'chat', '您好，我是区人社局社保稽核科的，你们单位有几名员工的参保信息需要核对，麻烦让负责社保的同事加我一下。'),  # subtle
    ('impersonate_service', 'delivery_platform_merchant', 'sms', '【外卖商家服务】您好，您门店的商户信息需要重新核验，工作人员稍后会联系您，请保持电话畅通。'),  # subtle
    ('impersonate_service', 'platform_deposit_upgrade', 'chat', '您好掌柜，我是淘宝招商部的，您的店铺类目要做资质复审，需要跟您核对一下保证金的情况。'),  # subtle
    ('impersonate_service', 'platform_violation', 'complaint', '有人冒充平台客服说我店铺违规要扣保证金，让我去 sjzs-app.cc 下载一个“商家助手”共享屏幕操作申诉，结果把我绑定的银行卡里四万多转走了。'),
    ('impersonate_authority', 'court_summons', 'sms', '丰禾贸易负责人：您单位有一份法院文书因地址不详未能送达，请尽快回电 0755-29418836 核实送达地址。'),  # subtle
    ('phishing', 'ukey_certificate', 'chat', '张会计你好，我是银行做企业网银维护的，你们U盾的证书快到期了，下午我远程帮你弄一下？'),  # subtle
    ('impersonate_service', 'merchant_account_frozen', 'sms', '【商户服务】您好，您的收款商户号资料不完整，可能影响后续结算，客服专员稍后会与您联系，请留意来电。'),  # subtle
    ('phishing', 'enterprise_im_phishing', 'email', '【钉钉】您的组织管理员权限即将过期，请在24小时内登录 https://dingtalk-admin.cn.vip 重新认证，过期后将无法审批。'),
    ('impersonate_authority', 'police_laundering', 'call', '你好，我是市公安局经侦支队的，你们公司对公账户牵涉一起洗钱案，现在要做资金清查，你是法人吧？这件事要保密，不要告诉公司其他人。'),  # subtle
    ('investment', 'stock_group', 'sms', '企业家私董会邀请：内部原始gu认购，上市前锁定，预计翻5倍，名额有限，了解请点 sdh-vip.club/qy'),
    ('other_fraud', 'patent_agent', 'chat', '老板您好，看到您公司最近在做新产品，有没有考虑申请专利？今年有政府补贴名额，我们这边刚好还剩几个。'),  # subtle
    ('impersonate_authority', 'police_laundering', 'retelling', '我们公司会计接到“公安”视频电话，对方穿着警服，背景像办公室，说公司账户涉嫌洗钱，要她保密，让她到酒店单独开房配合调查，把公司账上的钱转到“安全账户”接受审查，最后分几次转走了一百多万。'),
    ('loan', 'business_loan_fee', 'complaint', '想给店里贷点钱进货，网上找了家“助贷公司”，说三天放款。先交了两千八服务费，又交了五千“工本费”，最后说我征信不行贷不下来，钱也不退，再打电话就是空号。'),
    ('impersonate_acquaintance', 'fake_old_client', 'chat', '周老板，还记得我吗？前年在义乌展会上聊过的，我们公司现在有批新货想找你代理，你最近忙不忙？'),  # subtle
    ('impersonate_authority', 'license_annual_report', 'sms', '【市场监管】您的企业尚未完成年度報告公示，將被列入經營異常名錄並吊銷營業執照，请尽快点击 gsxt-nbgs.cn.vip/login 补报。'),
    ('impersonate_acquaintance', 'boss_impersonation_private', 'call', '喂，小王吗？我是李总，手机没电了借朋友电话打的。你这会儿在公司吧？等下我用新微信加你，有笔款你帮我处理一下。'),  # subtle
    ('impersonate_authority', 'license_annual_report', 'question', '有个自称市场监管局的打电话，说我的个体户执照被投诉虚假登记要吊销，让我登录 scjg-hecha.cn.top 填法人信息做“线上核查”，这是真的吗？'),
    ('impersonate_authority', 'social_security_audit', 'sms', '【社保稽核】贵公司存在少缴漏缴员工社会保险情况，已被立案核查，请财务负责人今日内致电 021-63319082 说明情况，否则将依法处罚并冻结单位社保账户。'),
    ('other_fraud', 'tender_entry_fee', 'email', '中标候选通知：贵公司在“2025年城区绿化养护服务项目”中综合得分排名第二，已进入中标候选人名单。请于3日内缴纳入围服务费8800元至招标代理账户，逾期视为自动放弃。联系人：吴工 0731-84526193'),
    ('romance', 'romance_boss', 'chat', '你好，我是通过附近的人看到你的，你是开服装店的吧？我也想做这行，能跟你请教一下吗？'),  # subtle
    ('impersonate_authority', 'fire_safety_inspection', 'sms', '【消防提醒】您好，您店铺所在街道近期开展消防安全排查，请店主回电 0731-85562907 预约检查时间。'),  # subtle
    ('other_fraud', 'bulk_order_sample_fee', 'chat', '您好，我是一家连锁酒店的采购，看到贵厂的产品挺合适，近期有一个大批量订单，请问负责人怎么称呼？'),  # subtle
]
