# Blind-written scam SMS / in-app notices, set15 part 2. Comment '# subtle' marks low-signal items.
ROWS = [
    ('impersonate_service', 'cancel_live_stream_merchant', 'sms', '【快手】您好，系统显示您在快手小店开通了商户代理，年费3600元将于明日扣除，如需取消请回拨0571-85602934。'),  # subtle
    ('impersonate_authority', 'tax_audit_abnormal', 'sms', '【税务局】您的个人所得税申报存在异常，已被列入稽查名单，请于3日内登录 etax-jc.top 补充材料，逾期将处以罚款。'),
    ('loan', 'loan_card_wrong_unfreeze', 'sms', '您好，我是马上消费金融的审核专员，您的贷款已通过，但打款时提示卡号有误，请回电023-63518720修改一下信息。'),  # subtle
    ('prize', 'operator_gift', 'sms', '【中国移动】恭喜您获得5G会员升级礼包，免费领取一年视频会员+50元话费，回复1领取。'),  # subtle
    ('impersonate_service', 'cancel_insurance_autorenew', 'sms', '【中国人寿】您好，您名下有一份意外险即将续保，如您不需要，请回复TD或拨打0755-23658014办理退保，逾期将自动扣款。'),  # subtle
    ('phishing', 'utility_bill_link', 'sms', '【国家电网】您户号0061****523的电费已欠费128.65元，将于明日停电，请尽快登录 sgcc-jf.top 缴纳。'),
    ('phishing', 'account_frozen_verify', 'sms', '【兴业银行】您的账户存在异常交易，已被系统限制非柜面业务，请点击 http://47.103.86.211/cib 完成身份核验'),
    ('phishing', 'payment_app_security_verify', 'sms', '【京东金融】您的账户安全等级过低，白条功能将在今日关闭，请前往 jdjr-safe.com 完成安全升级。'),
    ('impersonate_service', 'fake_card_spend_alert', 'sms', '【农业银行】您尾号5527账户于11月23日14:06消费人民币8,960.00元，如有疑问请致电028-85907263。'),  # subtle
    ('impersonate_service', 'phone_suspension_callback', 'sms', '【中国移动】您的号码因实名信息与公安系统不符，将于今日18点起停机，详询请拨打0771-58290361。'),
    ('impersonate_service', 'parcel_lost_compensation', 'sms', '【菜鸟驿站】您的包裹已超时滞留并确认丢失，理赔金额196元，请致电0571-89106652转理赔部办理。'),  # subtle
    ('impersonate_authority', 'medical_insurance_abnormal', 'sms', '【医保】您的医保卡被他人冒用开药，已纳入异常名单，如需解除请回复姓名+身份证号或拨打0371-65093826'),
    ('phishing', 'utility_bill_link', 'sms', '【南方电网】您的电费账单异常，本月多扣费用可申请退还，请于3日内点击 csg-tf.vip 办理。'),
    ('impersonate_authority', 'court_summons', 'sms', '【法院通知】您有一张电子传票未签收，案号(2025)沪0115民初****号，详询021-58390726。'),
    ('phishing', 'traffic_violation_link', 'sms', '【交通安全综合服务】尊敬的车主，您的驾驶证记分周期即将清算，尚有违法未处理，点击 jgj12123.cc 办理。'),
    ('impersonate_service', 'cancel_live_stream_merchant', 'notice', '【抖音】您的账号已开通直播带货商家权限，平台将每月收取保证金2000元，如非本人申请请尽快联系400-7265-180关闭。'),
    ('investment', 'broker_teacher_stock_group', 'notice', '【鑫盛基金】尊敬的投资者，您获得机构内部打新名额，中签率100%，请下载专属APP参与：tzapp-vip.cc/dl'),
    ('prize', 'operator_gift', 'sms', '【广电5G】192新用户福利：您获得话费补贴300元，请点击 gd192-fl.top 输入机主信息领取。'),
    ('impersonate_service', 'fake_quick_pay_opened', 'notice', '【支付宝】您的账户已于22:14开通花呗分期，如非本人操作，请及时联系客服0571-28976154进行注销。'),  # subtle
    ('credit_record', 'credit_impact_cancel_limit', 'sms', '您好，您开通的美团月付近期会上征信，很多用户要求关闭，如您也需要关闭，请回复1，专员会与您联系。'),  # subtle
    ('impersonate_service', 'quality_refund', 'sms', '【淘宝】您好，您购买的儿童保温杯被检测出质量问题，商家将为您退款并赔偿，请联系售后 173 2861 5094 办理。'),  # subtle
    ('impersonate_authority', 'court_summons', 'sms', '【司法送达】您好，您涉及一起合同纠纷案件将于下周开庭，请本人尽快回电0577-88216403确认送达地址。'),  # subtle
    ('impersonate_authority', 'social_security_card_review', 'sms', '【人社局】您的社保卡未通过年审，将停止发放养老金及医保待遇，请于3日内点击 sbk-ns.cn 认证。'),
    ('impersonate_service', 'quality_refund', 'sms', '【京东】您购买的电热毯存在召回问题，已为您申请3倍赔付，请登录 jd-tuikuan.cc 填写收款信息。'),
    ('impersonate_authority', 'medical_insurance_abnormal', 'sms', '【医保局】您的医保卡近期在多家药店存在异常刷卡记录，涉嫌违规套取医保基金，已移交稽查部门处理，您的医保账户将于今日17时冻结，如非本人操作请速致电023-68571903核实，逾期将追究法律责任。'),
    ('phishing', 'id_card_expiry_update', 'sms', '【平安银行】您好，您在我行登记的证件有效期已过，需要补录，请致电0755-86523917联系专属客服办理，感谢您的配合。'),  # subtle
    ('phishing', 'points_redeem', 'sms', '【招商银行】您的信用卡積分12,860分将于本月底到期清零，根据积分回馈规则可兑换等值现金¥428.60，直接存入您的信用卡账户。请于48小时内访问 cmb-jf.cc 办理，逾期未兑换的积分将自动作废。'),
    ('loan', 'loan_card_wrong_unfreeze', 'sms', '【微粒贷】您申请的50000元借款已审批通过，但因您填写的银行卡号与姓名不一致，资金在划转时被系统冻结。按规定需缴纳借款额6%的解冻 金3000元证明还款能力，解冻后本金连同解冻金一并到账，详询专员17351826094。'),
    ('phishing', 'etoken_expiry', 'sms', '【中国银行】您好，您名下U盾证书即将到期，为不影响您正常转账，可回复1由客户经理协助办理更新。退订回T'),  # subtle
    ('other_fraud', 'new_number_acquaintance', 'sms', '我是你领导，这是我新号码，明天上午九点来我办公室一趟，有事找你。'),  # subtle
    ('loan', 'fake_overdue_repayment', 'sms', '【招商银行信用卡】您的账单已逾期，为避免影响征信，请点击 cmbcc-hk.top 进行还款。'),
    ('phishing', 'account_frozen_verify', 'sms', '【民生银行】您好，因您账户职业信息缺失，系统已暂停部分功能，请回复“1”获取补录链接，或致电021-61958842。'),  # subtle
    ('other_fraud', 'new_number_acquaintance', 'sms', '爸，我手机掉水里了，这是同学的号，急需交一笔培训费，先转我3800，回头再跟你解释。'),
    ('impersonate_authority', 'police_money_laundering', 'sms', '您好，我是城南派出所民警，有一起案件需要向您了解情况，请您看到短信后回电0755-28364109，谢谢配合。'),  # subtle
    ('phishing', 'chip_card_upgrade', 'sms', '【工商银行】您持有的借记卡将统一换新，请于5日内访问 icbc.com.cn-hk.top 登记，过期原卡不可使用'),
    ('investment', 'broker_teacher_stock_group', 'sms', '王老师实盘带单 日均收益5%+ 本周免费体验 回复1进群'),
    ('impersonate_service', 'quality_refund', 'sms', '【拼多多】亲，您购买的面霜批次不合格已下架，平台为您办理全额退款加赔偿，请添加客服微_信 pdd-kf0922 办理。'),
    ('credit_record', 'credit_impact_cancel_limit', 'sms', '【白条】您好，您的白条额度将与征信对接，每笔消费都会上报，如需关闭请联系京东金融专线4006-3819-27。'),  # subtle
    ('impersonate_service', 'flight_cancel_compensation', 'sms', '【中国国航】您好，您6月18日北京-成都航班因航路管制取消，给您造成不便深表歉意，请拨打020-29185736办理改签补偿。'),  # subtle
    ('loan', 'low_interest_loan_offer', 'sms', '【无抵押贷款】凭身份证即可借款1-20万，不看征信，不查负债，秒批秒到，加微_信dk88860咨询。'),
    ('phishing', 'utility_bill_link', 'sms', '【燃气公司】尊敬的用户，您的燃气费逾期未缴，系统将于48小时后自动停气，缴费链接：gas-pay.cc/q8'),
    ('phishing', 'points_redeem', 'sms', '【中国移动】尊敬的用户，您的话费积分3680分将于今日清零，请登录 10086jf.cn 兑换现金红包，逾期作废。'),
    ('loan', 'loan_card_wrong_unfreeze', 'notice', '【借款中心】提现失败：银行卡号与身份证不匹配，账户已冻结。请联系在线客服缴纳保证金解冻，否则将影响个人征信。'),
    ('prize', 'operator_gift', 'sms', '【中国电信】您的手机号获赠话费200元，请登录 189hf.cn 领取到账，逾期作废。'),
    ('impersonate_service', 'cancel_membership_autorenew', 'notice', '【美团】您的美团会员·商家版已开通，每月扣除799元服务费，如非本人操作请致电400-1063-528关闭。'),
    ('impersonate_service', 'cancel_insurance_autorenew', 'sms', '【支付宝】您的“好医保”已到期自动续费，本月将从余额宝扣除3,600元，取消请联系专线17082316540'),
    ('phishing', 'etoken_expiry', 'sms', '【工商银行】尊敬的客户，您的电子密码器将于今日过期，为避免影响正常使用，请登陸 icbc-vip.top 及时升级。'),
    ('credit_record', 'credit_impact_cancel_limit', 'sms', '【花呗】您的花呗账户已接入人行征信系统，如不需要请及时关闭额度，否则将影响您的房贷审批，客服0571-56830412。'),
    ('impersonate_service', 'flight_cancel_compensation', 'sms', '【航旅服务】您的航班CA1405已取消，请在2小时内点击 hb-gq.top 办理理赔，逾期不予受理。'),
    ('investment', 'bank_manager_internal_wealth', 'sms', '张先生您好，我是您在兴业银行的专属客户经理小陈，最近我们有一个新客户专属的稳健产品，额度不多，方便的话回我个电话。'),  # subtle
    ('other_fraud', 'part_time_task', 'sms', '【招聘】淘宝商家招聘在家兼职，手机点赞即可，日结100-300元，加微_信jz6678了解。'),
    ('impersonate_service', 'fake_quick_pay_opened', 'sms', '【建设银行】您已成功开通龙支付小额免密，单笔限额5000元，如非本人操作请回复0取消或致电027-59726418。'),  # subtle
    ('loan', 'loan_deposit_fee', 'sms', '【度小满】您好，您申请的借款已审核通过，因您的综合评分偏低，需先支付首期保险费1500元以证明还款能力，该费用将在放款时一并返还至您的账户，支付后立即放款，客服0591-83462075。'),
    ('phishing', 'etoken_expiry', 'sms', '农行提醒:您的K宝将于2025年6月30日到期,请点击 abc-kb.vip 进行在线激活,未激活将无法对外转账'),
    ('phishing', 'etc_certification_expired', 'sms', '【高速ETC】因系统升级，您的E T C需重新绑定银行卡，逾期将注销，办理: dwz.cn/EtC9x'),
    ('prize', 'anniversary_prize', 'sms', '【建行周年庆】尊敬的客户，您获得“感恩回馈”现金奖888元，请于今日回复Y领取，过期作废。'),
    ('phishing', 'id_card_expiry_update', 'sms', '【交通银行】尊敬的客户：系统显示您在我行预留的身份证件已到期。根据《中国人民银行关于加强开户管理的通知》，证件过期的账户将转为“只收不付”状态。请于3个工作日内点击 bocom-id.cc 上传证件正反面并完成人脸验证，如已更新请忽略本短信。'),
    ('phishing', 'mobile_realname_link', 'sms', '【中国联通】您的号码实名信息未通过二次认证，将于24小时内停机，请访问 10010-smrz.cn 完成认证。'),
    ('credit_record', 'student_loan_cancel', 'sms', '【蚂蚁金服】尊敬的用户，监管要求清理学生贷款账户，您的账户未注销，征信将显示异常，请于今日回电0571-86291753。'),
    ('phishing', 'mobile_realname_link', 'sms', '【中国广电】尊敬的192用户，您的号卡实名登记信息不完整，请于三日内登录 192-rz.top 补全，逾期停机'),
    ('impersonate_service', 'train_ticket_refund', 'sms', '【铁路客服】尊敬的旅客，您的车票因系统故障重复扣款，请于今日登录 12306-tk.cn 办理退款。'),
    ('impersonate_service', 'parcel_lost_compensation', 'sms', '您好，我是韵达快递客服，您的包裹在分拣中遗失，给您带来不便非常抱歉，请问您方便接听电话核实一下理赔吗？'),  # subtle
    ('loan', 'preapproved_reserve_fund', 'sms', '您好，您在工商银行有一笔30万元的信用额度可用，无需抵押，如有需要请回复1，客户经理稍后与您联系。'),  # subtle
    ('credit_record', 'student_loan_cancel', 'sms', '您好，我是京东金融客服，您在学生时期开通了京东金条学生账户，根据国家规定需要注销，否则会影响您的征信，方便通话吗？'),  # subtle
    ('phishing', 'traffic_violation_link', 'sms', '交管局通知：您名下机动车存在3次未处理违法，为避免驾驶证被暂扣，请登陸 www.12123-gov.vip 核查缴纳'),
    ('loan', 'loan_deposit_fee', 'sms', '【放款中心】您好，您申请的6万元借款需先缴纳公证费及手续费共2400元，缴费后2小时内到账，请回复1获取付款账号。'),
    ('impersonate_service', 'flight_cancel_compensation', 'sms', '【南方航空】尊敬的旅客：很抱歉地通知您，您乘坐的CZ3572航班因目的地天气原因取消。请在航班原定起飞前联系航空公司客服办理免费改签或全额退票，每位旅客另可获得延误补贴300元，电话：+852 5813 0926'),
    ('impersonate_authority', 'police_money_laundering', 'sms', '【国家反洗钱监测中心】您名下招商银行账户存在可疑交易，需在12小时内配合资金核查，联系专线 +852 6021 8347'),
    ('impersonate_service', 'fake_card_spend_alert', 'sms', '【招行】您尾号9103的卡已扣款￥3,699.00(苹果商店)，如非本人操作请于30分钟内致电１７０３４２６８９５１办理拦截退款'),
    ('impersonate_authority', 'court_summons', 'sms', '【人民法院】您因信用卡恶意透支被发卡行起诉，案号(2025)民初字第0318号，传票已电子送达，请于3日内登录 court-cx.top 查看案件信息及开庭时间。若对欠款金额有异议或希望庭前和解，可在页面内申请调解；逾期未到庭将依法缺席审判，并将您列入失信被执行人名单，限制高消费及子女就读私立学校。'),
    ('loan', 'loan_card_wrong_unfreeze', 'sms', '【贷款通知】尊敬的客户，您的借款80000元因流水不足被冻结，需补充验资金额20%即可解冻提现，登陸 dk-jd.top 查看。'),
    ('credit_record', 'credit_repair', 'sms', '【征信中心】专业处理征 信逾期记录，内部渠道消除不良，不成功不收费，咨询173 5916 2840。'),  # subtle
    ('phishing', 'points_redeem', 'sms', '【中国电信】您的积分已满足兑换条件，手机登陆 t.cn/A6xKp2Qm 领取588元实物礼包，过期清零'),
    ('impersonate_authority', 'customs_parcel_seizure', 'sms', '【国际快递】您的包裹(单号EMS8265****CN)因申报不实被海关查扣，需缴纳关税1380元，处理：dwz.cn/hgqk'),
    ('impersonate_authority', 'social_security_card_review', 'sms', '您好，这里是区社保服务中心，您的第三代社保卡已制作完成，需核对信息后邮寄，请回电0512-65830917。'),  # subtle
    ('loan', 'low_interest_loan_offer', 'sms', '【平安普惠】您的信用良好，可申请低息贷款，最高额度50万，年化3.6%，当天到账，咨询0755-86395017。'),  # subtle
    ('investment', 'bank_manager_internal_wealth', 'sms', '您好，我是民生银行理财经理王静。年底我行针对老客户有一款内部理财产品，期限90天，年化收益8.6%，保本保息，起投1万元，名额有限，外面网点是买不到的，也不会在手机银行上架，需要通过我们合作的专属平台认购。有意向的话请加我微信ms-wj0618，我发详细资料和往期收益截图给您参考。'),  # subtle
    ('prize', 'anniversary_prize', 'sms', '【招商银行】恭喜您在我行成立37周年回馈活动中获得二等奖，奖品为华为笔纪本电脑一台，领取：cmb37.top'),
    ('phishing', 'credit_limit_increase', 'sms', '【招商银行】尊敬的持卡人，您的信用卡符合固定额度调升条件，最高可调至80000元，点击 cmb-kefu.cc 立即申请。'),
    ('impersonate_service', 'phone_suspension_callback', 'sms', '【中国电信】您的手机号码已欠费87.60元并被他人举报发送骚扰信息，将在2小时内停机，请回拨1716528394o处理。'),
]
