# Blind-written scam SMS / in-app notices, set15 part 1. Comment '# subtle' marks low-signal items.
ROWS = [
    ('impersonate_service', 'cancel_membership_autorenew', 'sms', '【京东】尊敬的PLUS会员，您的会员将于今日自动续费1680元/年，如需取消请回复QX或拨打0898-66521047。'),  # subtle
    ('other_fraud', 'part_time_task', 'sms', '【抖音】诚聘线上评论员，每单佣金5-30元，时间自由，当天结算，回复1获取报名链'),
    ('impersonate_authority', 'customs_parcel_seizure', 'sms', '【海关】您的国际包裹因涉嫌夹带违禁品被扣留，请联系海关缉私科020-81735264配合调查，否则将追究法律责任。'),
    ('impersonate_service', 'train_ticket_refund', 'sms', '【12306】您购买的G1876次列车因线路检修停运，请联系客服0731-83672190办理退票及补偿，补偿金额为票价的50%。'),
    ('phishing', 'subsidy_refund_claim', 'sms', '【税务】关于发放2025年度个人税收返还：您可领取返还金额2,860元，办理入口 dwz.cn/tax25 （请于本周五前办理）'),
    ('impersonate_service', 'cancel_insurance_autorenew', 'sms', '【平安保险】尊敬的客户您好，您去年通过微信领取的百万医疗保障首月免费期已结束，系统将于下月1日起每月自动从绑定银行卡扣费498元，连续扣费12个月。如您无需继续保障，请在扣费前致电021-60872345由专人为您关闭，感谢您的支持。'),  # subtle
    ('impersonate_service', 'phone_suspension_callback', 'sms', '【联通客服】您好，您的号码套餐将于本月底下架，为避免停机请回复1预约客服回电办理套餐迁移。'),  # subtle
    ('loan', 'preapproved_reserve_fund', 'notice', '【借呗】恭喜您获得临时提额资格，可用额度提升至8万，需验证银行卡流水后生效，请回复1激活。'),
    ('investment', 'bank_manager_internal_wealth', 'sms', '【中信银行】您好，我行私人银行推出定向理财计划，起投5万，月收益3%，请添加客户经理微_信获取资料。'),
    ('phishing', 'payment_app_security_verify', 'sms', '【支付宝】您的账户存在被盗风险，已暂停支付功能，请登陸 alipay-aq.top 验证身份恢复使用。'),
    ('phishing', 'id_card_expiry_update', 'sms', '【农业银行】您的身份证信息已过期，根据监管要求需及时更新，否则将影响账户正常使用，请登录 abc-gx.top 完成更新。'),
    ('phishing', 'etc_certification_expired', 'sms', '【ETC客服中心】您好，您的ETC年审到期，暂未完成认证，可回复1获取认证地址，或拨打0571-86039512咨询。'),  # subtle
    ('investment', 'broker_teacher_stock_group', 'sms', '【华泰证券】尊敬的股民朋友您好，我们首席分析师团队为回馈新老用户，每日免费提供牛股内参及主力资金动向，近两周推荐的个股已连续3只涨停。名额仅剩18个，加群即可领取明日金股：t.cn/A6St8Kp 退订回T'),
    ('phishing', 'traffic_violation_link', 'sms', '【交管12123】您有违法记录待处理，详情：t.cn/A6bQz8Lm'),
    ('phishing', 'id_card_expiry_update', 'notice', '【微信支付】您的实名身份证件已过期，为保障资金安全，零钱功能已受限。请访问 wx-smrz.top 重新上传证件照片恢复使用。'),
    ('impersonate_service', 'cancel_membership_autorenew', 'sms', '【招商银行】您的“掌上生活”白金会员30天试用期已满，将于明日起每月从信用卡自动扣费298元。如您不需要该服务，请致电020-38274615退订，退订后已扣款项将原路退回。'),  # subtle
    ('credit_record', 'credit_repair', 'sms', '您好，检测到您的征信报告存在逾期记录，可能影响房贷车贷审批。我司为正规备案的信用服务机构，可协助您走异议申诉流程，先处理后付款，已帮助上千位客户恢复良好信用，回复1了解详情。'),  # subtle
    ('phishing', 'subsidy_refund_claim', 'sms', '【个人所得税】您2024年度个人所得税综合所得汇算清缴已完成审核，可退税额3,216.40元。因您未在APP内绑定退税账户，请于5日内登录 etax-tuishui.top 填写本人银行卡号及预留手机号领取，逾期税款将退回国库。'),
    ('loan', 'preapproved_reserve_fund', 'sms', '【京东金洲】您有一笔备用金5000元待领取，提现前需缴纳账户验证费49元，详情 t.cn/A6Jd2Yk'),
    ('impersonate_authority', 'tax_audit_abnormal', 'sms', '您好，我们是税务局个税科，您2023年度有一笔劳务报酬漏报，需补缴税款，请本人回电028-86571342核实。'),  # subtle
    ('phishing', 'subsidy_refund_claim', 'sms', '【人社局】您好，您已符合2025年职业技能提升补贴申领条件，补贴金额1600元，请于工作日回电0791-86273054登记领取。'),  # subtle
    ('impersonate_authority', 'police_money_laundering', 'sms', '【公安局】您的身份证涉嫌一起洗 钱案件，名下账户即将被冻结，请立即拨打0898-31625084联系办案民警配合调查。'),
    ('prize', 'anniversary_prize', 'sms', '【拼多多】恭喜您成为平台十周年庆典幸运用户！根据您的消费记录，系统抽中您获得免费iPhone 16一部（256G），仅需支付运费及保价费，点击 pdd-10.vip 填写收货信息领取，名额有限先到先得。'),
    ('phishing', 'etoken_expiry', 'sms', '【建设银行】您的网银证书已于今日失效，请尽快通过 wap.ccb-zs.cc 更新证书，逾期将暂停网上银行服务。'),
    ('loan', 'loan_deposit_fee', 'sms', '【安心借】您的贷款已放款成功，但因账户未开通VIP通道，请联系客服缴纳会员费688元后提现。'),
    ('phishing', 'etc_certification_expired', 'sms', '【粤通卡】尊敬的车主：您的ETC设备卡签已过期，为避免高速出口无法识别、通行费按最高标准扣取，请点击 ytk-etc.cn/rz 更新车辆及银行卡信息，办理后24小时生效。'),
    ('impersonate_authority', 'social_security_card_review', 'sms', '【社保中心】您的社保卡已被列为异常状态，若不处理将注销，详情请拨打0411-82736509咨询。'),
    ('impersonate_service', 'quality_refund', 'sms', '您好，我是抖音小店售后小刘，您前几天买的那件羽绒服厂家抽检发现甲醛超标，为了您和家人的健康，衣服不用寄回，我们这边直接给您办理退款和赔偿，您方便的时候回个电话0571-86072314，谢谢。'),  # subtle
    ('impersonate_service', 'fake_card_spend_alert', 'sms', '【中国银行】您尾号0738的信用卡在境外网站消费USD 1,299.00，如非本人交易，请速拨专线 +60 3 2716 4829 止付。'),
    ('other_fraud', 'new_number_acquaintance', 'sms', '小王，我是张总，手机换号了，存一下这个号，稍后有事跟你说。'),  # subtle
    ('credit_record', 'student_loan_cancel', 'sms', '【金融监管总局】您名下存在未清理的校园贷记录，请于24小时内登录 zx-zhuxiao.top 申请注銷，逾期将上报人行征信。'),
    ('prize', 'digital_rmb_red_packet', 'notice', '【云闪付】您已获得数币红包￥88.88，请于今晚24点前领取，逾期退回：dwz.cn/ycp88'),
    ('impersonate_authority', 'customs_parcel_seizure', 'sms', '您好，这里是DHL国际快递，您有一个从马来西亚寄出的境外包裹在上海海关清关时被扣留，申报单上的收件人信息需本人核实，请您方便时回电021-62379418，我们的工作人员会协助您处理。'),  # subtle
    ('impersonate_authority', 'medical_insurance_abnormal', 'sms', '【市医保中心】您好，您的医保账户在外地有一笔住院报销记录与本人信息不符，请于今日致电0851-85736204说明情况。'),  # subtle
    ('impersonate_service', 'fake_quick_pay_opened', 'sms', '【云闪付】您尾号2046的银行卡于今日绑定新设备并开通免密支付，如非本人操作请致电专线0591-87263451（勿拨95516，以免延误冻结）'),
    ('credit_record', 'credit_repair', 'sms', '【信用修复】您的个人征信有2条逾期，可通过官方申诉通道删除，办理：dwz.cn/zxxf'),
    ('impersonate_authority', 'tax_audit_abnormal', 'sms', '【国家税务总局】您名下有一家公司未申报纳税，已影响您的个人纳税信用，请致电0731-84256093处理。'),
    ('loan', 'low_interest_loan_offer', 'sms', '先生您好，打扰了，我是邮储银行信贷部的小李。今年行里有一款公积金信用贷，纯信用不用抵押，利率只有2.8%，最高可以贷到公积金月缴额的200倍，您看需要了解一下吗？回复1即可，我给您详细介绍。'),  # subtle
    ('loan', 'preapproved_reserve_fund', 'sms', '【中国银行】您的中银e贷额度15万元已批复，将于3日后失效，请登录 boc-ed.top 完成签约。'),
    ('credit_record', 'student_loan_cancel', 'sms', '【银保监会】根据国家关于清理整顿校园贷的最新政策，您大学期间在网贷平台注册的学生账户需在本月内注销，未注销的账户将被视为违规借贷并上报人行征信系统，影响日后买房、贷款及子女入学。办理过程中需要配合清空平台额度，由专员全程指导，请致电010-57283604办理，工作时间9:00-18:00。'),
    ('impersonate_authority', 'police_money_laundering', 'sms', '您好，这里是市公安局反诈中心。经查，您名下一张银行卡被犯罪团伙用于非法资金流转，涉案金额较大，目前已进入司法程序。为证明您本人清白，需要对您名下资金进行清查核验，核验无误后将全额返还。请于今天下午三点前回电010-86357291配合核查，本案属于保密案件，请勿向家人及银行工作人员透露，否则将依法冻结您名下全部账户。'),
    ('loan', 'preapproved_reserve_fund', 'sms', '【建设银行】您已获得快贷备用金额度200000元，日息低至万1.5，今日激活即可提现，点击 ccb-kd.cc 领取。'),
    ('impersonate_service', 'cancel_insurance_autorenew', 'notice', '【抖音支付】您的放心借保险服务已生效，每月将扣除保费299元，若非本人操作请拨打0571-81056392取消。'),
    ('impersonate_service', 'cancel_live_stream_merchant', 'sms', '您好，您之前在美团注册的外卖商家入驻信息尚未注销，系统将按月产生服务费，如需注销请致电17264385012处理。'),  # subtle
    ('investment', 'broker_teacher_stock_group', 'sms', '您好，我是中信建投的助理小雨，李老师每天早上9点在群里分享板块机会，需要的话加V：zxjt-xy888'),  # subtle
    ('prize', 'digital_rmb_red_packet', 'sms', '【中国人民银行】数字人民币推广活动，您已获得1000元消费补贴，下载APP领取：t.cn/E8cNyz'),
    ('impersonate_service', 'train_ticket_refund', 'sms', '您好，您在铁路12306购买的11月3日上海虹桥至武汉的车票已被取消，请回电021-52718063核实退款事宜。'),  # subtle
    ('impersonate_service', 'fake_quick_pay_opened', 'sms', '【工商银行】您尾号3819的卡已成功开通快捷支付，绑定商户：某某游戏科技，如非本人操作请致电010-56983420。'),  # subtle
    ('prize', 'digital_rmb_red_packet', 'sms', '【数字人民币】您获得一个数字人民币红包，金额200元，请在24小时内点击 e-cny-hb.top 领取。'),
    ('phishing', 'mobile_realname_link', 'sms', '【中国移动】根据工信部要求，您的手机号需进行实名复核，请点击 t.cn/R2Lmp8v 上传身 份 证，否则将限制呼出。'),
    ('impersonate_authority', 'medical_insurance_abnormal', 'sms', '【国家医保服务平台】您的医保电子凭证需进行年度审核，未审核将停止报销，请登陸 ybj-ns.top 完成。'),
    ('phishing', 'traffic_violation_link', 'sms', '【12123】您的车辆(粤B·7K3**)于10月12日在机场高速存在超速行驶违章未处理，罚款200元记6分，请于7日内登录 122gov-cx.top 查看违章照片并在线缴纳罚款，逾期将按日加收3%滞纳金并影响年检。'),
    ('phishing', 'chip_card_upgrade', 'sms', '【邮政储蓄】尊敬的客户，您尾号6217的社保金融卡需换发为第三代卡，新卡免费邮寄，请回复本短信“姓名+卡号+地址”办理。'),  # subtle
    ('impersonate_service', 'parcel_lost_compensation', 'sms', '【顺丰速运】您单号SF1403*****826的包裹因仓库破损无法派送，现为您办理赔付158元，请回复1确认并添加客服。'),  # subtle
    ('phishing', 'account_frozen_verify', 'sms', '【中信银行】根据《反洗钱法》及客户身份识别相关要求，您的账户因职业、住址等信息不全已被临时冻结非柜面交易，请于今日内登录 citic-fxq.com 补充信息解冻，逾期需本人携带证件至开户网点办理。'),
    ('loan', 'loan_card_wrong_unfreeze', 'sms', '【招联金融】您的借款因收款账户信息有误被系统冻结，请联系专员0755-83172094办理解冻，解冻后款项即时到账。'),
    ('phishing', 'chip_card_upgrade', 'sms', '【建设银行】根据人民银行要求，我行磁条借记卡将于本月底全面停止使用，您名下尾号1174的卡片尚未更换。请登录 ccb-sjk.top 免费申请升级为芯片卡，新卡将邮寄到家，未升级将影响取款及转账。'),
    ('phishing', 'etoken_expiry', 'notice', '【邮储银行】安全提示：检测到您的手机银行数字证书版本过低，根据人民银行支付结算管理要求，旧版证书将于本月25日统一停用。请在24小时内前往 psbc-aq.com/up 输入卡号及登录密码完成升级，否则账户将被限制登录及转账，由此产生的损失由客户自行承担。'),
    ('loan', 'fake_overdue_repayment', 'sms', '您好，您在马上消费有一笔欠款已经逾期，今天是最后协商期，可以申请减免利息，请回电17263490158办理。'),  # subtle
    ('investment', 'bank_manager_internal_wealth', 'sms', '【浦发银行】尊敬的VIP客户，年末特供高收益理财，年化12%，仅限内部客户认购，详询客户经理138 2974 6501。'),
    ('impersonate_service', 'flight_cancel_compensation', 'sms', '【东方航空】尊敬的旅客，您预订的MU5132航班因机械故障已取消，改签或申领补偿300元请致电4008-6591-37。'),  # subtle
    ('impersonate_service', 'fake_card_spend_alert', 'sms', '【邮储银行】您账户6215****2083支出19800元，余额261.35元。非本人交易请联系安全中心0755-83091276。'),  # subtle
    ('phishing', 'payment_app_security_verify', 'notice', '【云闪付】系统检测到您的账户在异地设备登录，如非本人操作请立即点击 unionpay-yz.cc 冻结设备并修改密码。'),
    ('phishing', 'etc_certification_expired', 'sms', '【ETC】您的认证已失效，请登陆 etc-rz.top 重新认证'),
    ('prize', 'anniversary_prize', 'sms', '【中国移动】庆祝移动成立25周年，您的号码被抽中幸运用户，奖金28000元，请登陸 yd-zj.cc 领取。'),
    ('prize', 'digital_rmb_red_packet', 'sms', '【工行数字钱包】您有一笔数字人民币补贴待领取，需开通钱包并绑卡验证，入口：icbc-ecny.cc'),
    ('phishing', 'subsidy_refund_claim', 'sms', '【住房公积金】您的公积金账户有一笔年度补贴待发放，请点击 gjj-bt.vip 绑定银行卡领取，逾期退回。'),
    ('prize', 'operator_gift', 'sms', '【中国联通】送您100G全国流量包，仅限今日：10010-ll.top'),
    ('impersonate_service', 'cancel_insurance_autorenew', 'sms', '【微信支付】您的百万保障服务将于明日自动续费，扣款1188元/年，如非本人开通请尽快联系客服400-6182-937关闭。'),  # subtle
    ('impersonate_service', 'parcel_lost_compensation', 'sms', '【中通快递】您好，您的快递在运输途中丢失，我们将为您办理三倍理赔，请联系理赔专员：15217394086（同微信）'),  # subtle
    ('phishing', 'credit_limit_increase', 'sms', '【广发卡】您好，您的信用卡近期用卡良好，可申请额度提升，如需办理请致电4006-8879-52。退订回T'),  # subtle
    ('phishing', 'credit_limit_increase', 'sms', '【中国银行】信用卡中心：您的卡片额度可提升至6万，仅限今日，回复Y获取办理入口。'),  # subtle
    ('phishing', 'account_frozen_verify', 'sms', '【光大银行】尊敬的客户，您的账户信息不完善，已触发人行反洗钱核查，请在 2 小时内通过 dwz.cn/Gk3eP 验证，否则将冻 结账户。'),
    ('loan', 'low_interest_loan_offer', 'sms', '【花呗】您的花呗可转为低息分期贷款，额度30万，审核当天下款，点击 hb-dk.top 申请。'),
    ('impersonate_service', 'cancel_membership_autorenew', 'sms', '您好，这里是爱奇艺会员中心，您上月误开通了黄金VIP代理资格，每月将收取服务费600元，如需取消请回拨17128409635。'),  # subtle
    ('loan', 'fake_overdue_repayment', 'sms', '【京东白条】尊敬的用户：您的白条账单已逾期15天，累计欠款4,628.30元，因多次催收未果，系统已将您的账户标记为恶意拖欠，即将上报征信并移交第三方法务团队上门催收及联系您的通讯录联系人。为避免影响您的个人信用，请于今日18点前将欠款转入指定对公还款账户，详询0536-829730'),
    ('phishing', 'credit_limit_increase', 'sms', '【浦发银行信用卡】恭喜！您已获得提额资格，临时额度可达5万元，今日申请即可生效：spdb-te.cn'),
    ('impersonate_service', 'parcel_lost_compensation', 'sms', '【京东物流】尊敬的客户，您好！您的订单包裹在转运途中因暴雨浸泡受损，无法继续配送，给您带来的不便深表歉意。平台将按货款的2倍为您办理赔付，请于48小时内完成理赔登记：jdwl-lp.top/pc ，逾期视为自动放弃。'),
    ('phishing', 'points_redeem', 'sms', '【工行】您帐戸有积分９２００点未使用，月底前可兑换现金，登陸 wap.icbc-jfdh.top 査收'),
    ('impersonate_service', 'fake_card_spend_alert', 'sms', '【交通银行】您的卡号后四位4416于02:37成功支付12,500.00元(某电子商务)。如有疑问请联系020-31829547。'),  # subtle
]
