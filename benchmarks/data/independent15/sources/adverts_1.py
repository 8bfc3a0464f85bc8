# Genuine marketing SMS from real brands (no scams, no gambling).
# label: loan_advert = loan / credit-line / card-instalment marketing; advert = everything else.
ROWS = [
    # ===== loan_advert =====
    # --- consumer_finance_credit_line ---
    ("loan_advert", "consumer_finance_credit_line", "sms", "【招联金融】尊敬的客户，您有一笔最高20万元的借款额度待领取，年化利率(单利)7.2%起，打开招联金融APP即可查看，额度及利率以实际审批为准。拒收请回复R"),
    ("loan_advert", "consumer_finance_credit_line", "sms", "【马上消费】您的安逸花额度已提升至5.8万，随借随还，按日计息，打开安逸花APP查看。贷款有风险，借款需谨慎。回TD退订"),
    ("loan_advert", "consumer_finance_credit_line", "sms", "【中银消费金融】新春福利：您的“新易贷”预估额度最高8万元，首次借款享7天免息券，登录中银消费金融APP申请。回T退订"),
    ("loan_advert", "consumer_finance_credit_line", "sms", "【兴业消费金融】您好，您的消费贷款额度已更新，最长可分36期还款，详情请查看“兴业消费金融”官方APP。理性借贷，退订回T"),
    ("loan_advert", "consumer_finance_credit_line", "sms", "【招联金融】您的“好期贷”5万元额度30天后将失效，如需使用请登录招联金融APP激活，年化利率以页面展示为准。拒收请回复R"),

    # --- internet_credit_line ---
    ("loan_advert", "internet_credit_line", "sms", "【支付宝】您有一笔最高12万元的借呗额度待领取，打开支付宝搜索“借呗”即可查看，额度与利率以页面展示为准。回TD退订"),
    ("loan_advert", "internet_credit_line", "sms", "【微粒贷】您的微粒贷额度已更新，最高可借10万元，打开微信“服务-微粒贷借钱”查看。本产品由微众银行提供。回T退订"),
    ("loan_advert", "internet_credit_line", "sms", "【京东金融】您的京东金条额度最高可达15万元，新用户首借享30天免息（限一次），打开京东金融APP查看。回TD退订"),
    ("loan_advert", "internet_credit_line", "sms", "【度小满】您在度小满的有钱花额度已开通，最高20万元，年化利率(单利)7.2%-23.4%，打开度小满金融APP领取。拒收请回复R"),
    ("loan_advert", "internet_credit_line", "sms", "【美团】您有一笔美团借钱额度待激活，最高可借20万，按日计息，打开美团APP“我的-钱包”查看。退订回T"),
    ("loan_advert", "internet_credit_line", "sms", "【京东金融】您的白条临时额度已提升至12000元，有效期至6月30日，可用于京东购物分期付款。回TD退订"),

    # --- bank_quick_loan ---
    ("loan_advert", "bank_quick_loan", "sms", "【建设银行】尊敬的客户，您可在建行“快贷”获得最高30万元信用额度，全程线上，随借随还，登录建行手机银行即可申请。年化利率以审批为准。回TD退订"),
    ("loan_advert", "bank_quick_loan", "sms", "【招商银行】您的闪电贷专属额度已生成，最高可借30万，年化利率(单利)3.6%起，登录招商银行APP搜索“闪电贷”查看。退订回TD"),
    ("loan_advert", "bank_quick_loan", "sms", "【工商银行】您已获得“融e借”预授信额度，最高20万元，可通过工商银行手机银行申请，实际额度以审批结果为准。回复TD退订"),
    ("loan_advert", "bank_quick_loan", "sms", "【农业银行】您好！您符合“网捷贷”申请条件，最高额度30万元，线上申请秒批秒贷，打开农行掌上银行即可办理。回复TD退订"),
    ("loan_advert", "bank_quick_loan", "sms", "【平安银行】您有一笔“新一贷”专享额度待领取，最高50万元，打开平安口袋银行APP查看，实际额度以审批为准。拒收请回复R"),
    ("loan_advert", "bank_quick_loan", "sms", "【邮储银行】“邮享贷”限时优惠，年化利率低至3.45%，最高20万元，登录邮储银行手机银行申请。借款需理性。退订回T"),

    # --- card_cash_instalment ---
    ("loan_advert", "card_cash_instalment", "sms", "【交通银行信用卡】您已获得“好享贷”现金分期额度50000元，分12期每期手续费率0.3%，登录买单吧APP申请。回T退订"),
    ("loan_advert", "card_cash_instalment", "sms", "【中信银行信用卡】您的“新快现”可用额度3.6万，资金直达本人储蓄卡，分期手续费限时8折，打开动卡空间APP查看。拒收请回复R"),
    ("loan_advert", "card_cash_instalment", "sms", "【广发信用卡】您有一笔“财智金”额度8万元待领取，最长可分36期，登录发现精彩APP查看详情。回TD退订"),
    ("loan_advert", "card_cash_instalment", "sms", "【浦发信用卡】浦发“万用金”专属额度已更新，最高10万元，浦大喜奔APP即可申请，年化利率以页面为准。退订回TD"),

    # --- card_bill_instalment ---
    ("loan_advert", "card_bill_instalment", "sms", "【招商银行信用卡】您本期账单12,860.00元可申请账单分期，分6期手续费限时7.5折，掌上生活APP一键办理。退订回TD"),
    ("loan_advert", "card_bill_instalment", "sms", "【建设银行信用卡】您的本期账单可办理分期，3-24期可选，每月还款更轻松，详询95533或登录建行生活APP。回TD退订"),
    ("loan_advert", "card_bill_instalment", "sms", "【光大银行信用卡】您近期一笔5,288元的消费可办理消费分期，分12期每期手续费低至0.6%，登录阳光惠生活APP办理。拒收请回复R"),
    ("loan_advert", "card_bill_instalment", "sms", "【民生信用卡】账单分期专属优惠：本期账单分期享手续费8.8折，全民生活APP可办理，活动截至本期还款日。回T退订"),

    # ===== advert =====
    # --- operator_package_upsell ---
    ("advert", "operator_package_upsell", "sms", "【中国移动】5G升档特惠：当前套餐可升级至159元5G智享套餐，每月40GB通用流量，前3个月每月立减30元，登录中国移动APP办理。退订回TD"),
    ("advert", "operator_package_upsell", "sms", "【中国联通】限时活动：每月加10元得20GB通用流量，合约12个月，办理请登录中国联通APP。拒收请回复R"),
    ("advert", "operator_package_upsell", "sms", "【中国电信】加入天翼全家享，主副卡共享流量，每增加一张副卡仅需10元/月，详询10000或营业厅。回TD退订"),
    ("advert", "operator_package_upsell", "sms", "【中国广电】192号卡焕新福利：月租29元享30GB流量+100分钟通话，另送有线电视直播，中国广电APP办理。回T退订"),
    ("advert", "operator_package_upsell", "sms", "【中国移动】视频会员专享：每月19元得腾讯视频VIP会员+10GB定向流量，合约12个月，回复KT办理，回TD退订"),

    # --- broadband_upgrade ---
    ("advert", "broadband_upgrade", "sms", "【中国电信】千兆宽带限时升级，现有宽带用户加20元/月提速至1000M，赠全屋WiFi组网一台，拨打10000预约。回T退订"),
    ("advert", "broadband_upgrade", "sms", "【中国移动】FTTR全光宽带进社区，加装月费30元起，每个房间都有千兆WiFi，详询10086。退订回TD"),
    ("advert", "broadband_upgrade", "sms", "【中国联通】您所在小区已覆盖联通万兆光网，新装宽带首年7折，办理请登录中国联通APP。拒收请回复R"),

    # --- ecommerce_sale ---
    ("advert", "ecommerce_sale", "sms", "【京东】618大促开启！家电爆款低至5折，以旧换新最高补贴2000元 3.cn/7Qk-2mAe 回TD退订"),
    ("advert", "ecommerce_sale", "sms", "【淘宝】双11预售开启，付定金享跨店满300减50，你收藏的宝贝已降价，打开淘宝APP查看 tb.cn/a8KZx 退订回TD"),
    ("advert", "ecommerce_sale", "sms", "【拼多多】百亿补贴数码专场上线，热门手机直降800元，正品保障，打开拼多多APP领券。回TD退订"),
    ("advert", "ecommerce_sale", "sms", "【唯品会】年终特卖会，大牌羽绒服3折起，新客专享20元无门槛券，打开唯品会APP领取。拒收请回复R"),
    ("advert", "ecommerce_sale", "sms", "【天猫超市】周末囤货节，满199减30，纸巾粮油一站购齐，次日达。退订回T"),

    # --- travel_coupon ---
    ("advert", "travel_coupon", "sms", "【携程】暑期出游季：国内酒店满500减80，机票会员日再享立减，打开携程旅行APP领券。退订回TD"),
    ("advert", "travel_coupon", "sms", "【飞猪】国庆出境游早鸟价，东南亚自由行机酒套餐1999元起，飞猪APP搜索“早鸟”查看。回T退订"),
    ("advert", "travel_coupon", "sms", "【南方航空】南航会员日：国内航线经济舱低至3折起，明珠会员额外享里程加倍，南航APP购票。回TD退订"),
    ("advert", "travel_coupon", "sms", "【同程旅行】春运出行季，火车票机票一站预订，新用户领100元出行礼包，打开同程旅行APP。退订回T"),

    # --- food_delivery_coupon ---
    ("advert", "food_delivery_coupon", "sms", "【美团】您有3张外卖红包即将过期，最高减15元，今晚24点前使用，打开美团APP查看。回TD退订"),
    ("advert", "food_delivery_coupon", "sms", "【饿了么】超级吃货卡首月9.9元，每月得6张无门槛红包，饿了么APP开通。退订回T"),
    ("advert", "food_delivery_coupon", "sms", "【肯德基】疯狂星期四，吮指原味鸡2块仅需19.9元，肯德基APP下单更优惠。拒收请回复R"),
    ("advert", "food_delivery_coupon", "sms", "【瑞幸咖啡】您的9.9元饮品券已到账，有效期7天，打开瑞幸咖啡APP下单即可使用。退订回TD"),

    # --- insurance_marketing ---
    ("advert", "insurance_marketing", "sms", "【中国平安】平安e生保百万医疗险，年保费低至百余元，一般医疗最高保额300万，详询平安健康APP。退订回T"),
    ("advert", "insurance_marketing", "sms", "【众安保险】尊享e生医疗险新版已上线，含质子重离子治疗保障，可在众安保险APP了解详情。回TD退订"),
    ("advert", "insurance_marketing", "sms", "【北京普惠健康保】2025年度投保启动，195元/年，不限年龄，既往症人群可投保，请通过官方渠道投保。回T退订"),
    ("advert", "insurance_marketing", "sms", "【太平洋保险】车险到期提醒：您的车辆保险将于30天后到期，现在续保可享多项增值服务，详询95500。回TD退订"),

    # --- fund_wealth_marketing ---
    ("advert", "fund_wealth_marketing", "sms", "【招商银行】朝朝宝新客专享，1分钱起存，灵活存取，七日年化收益率详见招商银行APP。理财有风险，投资需谨慎。回TD退订"),
    ("advert", "fund_wealth_marketing", "sms", "【易方达基金】您关注的易方达沪深300ETF联接基金可在官方APP设置定投。基金有风险，投资需谨慎。退订回T"),
    ("advert", "fund_wealth_marketing", "sms", "【天天基金】新年理财季，基金申购费率1折起，打开天天基金APP查看。市场有风险，投资需谨慎。回TD退订"),
    ("advert", "fund_wealth_marketing", "sms", "【工银理财】工银理财新品发售，业绩比较基准2.6%-3.2%，不代表实际收益，详见工商银行APP。理财非存款，产品有风险。退订回TD"),

    # --- card_spending_promo ---
    ("advert", "card_spending_promo", "sms", "【中信银行信用卡】周六刷卡日，指定商超单笔满100元随机立减，最高减50元，活动详见动卡空间APP。回TD退订"),
    ("advert", "card_spending_promo", "sms", "【招商银行信用卡】境外消费返现季，活动期间境外消费满3笔最高返5%，掌上生活APP报名。退订回TD"),
    ("advert", "card_spending_promo", "sms", "【工商银行】工银信用卡新户礼：首刷满99元送50元立减金，登录工银e生活APP领取。拒收请回复R"),

    # --- ride_coupon ---
    ("advert", "ride_coupon", "sms", "【滴滴出行】送您一张8折打车券，最高减10元，本周内有效，打开滴滴出行APP即可使用。退订回T"),
    ("advert", "ride_coupon", "sms", "【高德地图】高德打车新人礼包已到账，首单立减15元，高德地图APP打车即可使用。回TD退订"),
    ("advert", "ride_coupon", "sms", "【哈啰】哈啰单车30天畅骑卡限时特惠9.9元，打开哈啰APP购买。拒收请回复R"),
]
