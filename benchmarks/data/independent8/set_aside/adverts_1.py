# Hand-written advert rows, writer J (blind writer). (label, kind, form, text)
# Shop, bank and brand names are invented.
ROWS = [
    # advert (legal marketing)
    ("advert", "retail_promo", "sms", "【禾田生鲜】周末鸡蛋9.9元30枚，会员到店自提，库存有限售完即止。退订回T"),
    ("advert", "leisure_store_promo", "sms", "【悦读书店】读书月全场图书8折，满200元再送帆布袋一个，活动至4月30日。拒收请回复R"),
    ("advert", "service_subscription_promo", "sms", "【蓝鲸宽带】千兆宽带首年699元，装机送路由器，详询客服或到营业厅办理。退订回TD"),
    ("advert", "course_trial_promo", "sms", "【知行考研】2027考研全程班早鸟价立减800元，可免费试听3节课，报名请关注公众号“知行考研”。退订T"),
    ("advert", "local_service_promo", "sms", "【安心口腔】洗牙季来啦，超声波洗牙68元/次，预约电话0755-26431890，退订回N"),
    ("advert", "local_service_promo", "sms", "【驰骋租车】国庆自驾租车预订中，提前7天预订享8.5折，下载app查看车型。回T退订"),
    ("advert", "retail_promo", "sms", "【暖暖母婴】新会员注册送纸尿裤试用装一包，凭短信到门店领取，每人限一次。退订回T"),
    ("advert", "retail_promo", "post", "小区团购 本地阳光玫瑰葡萄29.9元两斤 明天下午到货 需要的群里接龙"),
    ("advert", "course_trial_promo", "chat", "家长您好 我们是做钢琴陪练的 本周新学员体验课免费 需要的话可以给孩子留个时段"),
    ("advert", "service_subscription_promo", "sms", "【速通出行】新用户首单立减10元，邀请好友各得5元券，详情见app活动页。退订回T"),
    ("advert", "local_service_promo", "sms", "【优家物业】小区合作家政周年庆，日常保洁3小时99元，可在物业前台或小程序预约。"),
    ("advert", "local_service_promo", "call", "您好 这里是城南4S店 您的车保养快到期了 这个月回厂保养工时费打八折 需要帮您预约个时间吗"),
    ("advert", "leisure_store_promo", "sms", "【乐途影城】周二半价日，2D影片19.9元起，影城小程序购票即享。退订回TD"),
    ("advert", "leisure_store_promo", "post", "宠物店开业 洗澡美容八折 办卡充300送60 前50位到店送猫砂一袋"),
    ("advert", "service_subscription_promo", "sms", "【云端网盘】您的会员即将到期，现在续费年卡享7折，详情打开app查看。退订回T"),
    ("advert", "course_trial_promo", "sms", "【青禾瑜伽】新学员体验课29元一节，周一至周日任意时段可约，详询前台。拒收请回复R"),

    # loan_advert (legal loan marketing, no upfront fee)
    ("loan_advert", "consumer_credit_offer", "sms", "【安顺银行】您可申请个人消费贷款，年化利率3.6%起，请通过本行手机银行申请，放款前不收取任何费用。退订回T"),
    ("loan_advert", "consumer_credit_offer", "sms", "【邦达消费金融】您有最高5万元额度可申请，年化利率(单利)7.2%-23.9%，以审批为准，请在官方app申请，我司不会以任何名义收取放款前费用。退订回T"),
    ("loan_advert", "business_farm_loan", "sms", "【丰源农商银行】小微企业主经营贷款，最长3年，随借随还，请携营业执照到就近网点咨询。退订回T"),
    ("loan_advert", "consumer_credit_offer", "call", "您好 我是华信银行的客户经理 您是我行代发工资客户 现在有一款信用贷利率比较优惠 有需要可以到网点或者手机银行里申请 不需要的话我就不打扰了"),
    ("loan_advert", "secured_installment", "sms", "【长丰银行】房贷客户专享装修分期，最高30万元，可分60期，利率以合同为准，详询您的客户经理或登录手机银行。退订T"),
    ("loan_advert", "secured_installment", "post", "本店与合作银行推出车贷分期 首付20%起 审批通过后签约 无任何前期费用 详情到店咨询"),
    ("loan_advert", "consumer_credit_offer", "sms", "【易借钱包】您的借款额度已提升至2万元，年化利率以借款页面展示为准，请理性借贷、按时还款。退订回T"),
    ("loan_advert", "business_farm_loan", "sms", "【惠农信贷】种养殖户专项贷款，最高50万元，符合条件可享财政贴息，请到当地信用社申请，不收取任何中介费用。"),
    ("loan_advert", "business_farm_loan", "sms", "【民泰村镇银行】个体工商户凭经营流水可申请信用贷款，最快当天审批，贷款到账前不收取任何费用。退订回T"),
    ("loan_advert", "secured_installment", "sms", "【德顺房产】二手房过户及公积金贷款手续一站式代办，服务费在银行放款后结算，咨询0731-84562390。退订T"),

    # illegal_advert
    ("illegal_advert", "gambling_ad", "sms", "线上真人百家乐开户送588彩金，荷官实时发牌，提款秒到，网址 xpj7788.vip"),
    ("illegal_advert", "fake_documents_invoices", "sms", "本公司可代开各类增值税发票，点数优惠，可先验票后付款，联系13922847105王经理"),
    ("illegal_advert", "fake_documents_invoices", "sms", "办证：身份证、驾驶证、毕业证、学位证，学信网可查，联系扣扣2190837461"),
    ("illegal_advert", "sex_and_drugs", "chat", "老板需要上门服务吗 学生妹少妇都有 安全放心 加v看照片"),
    ("illegal_advert", "data_and_accounts_trade", "sms", "出售各行业精准客户数据：新生儿家长、车主、业主名单，按条计价，量大从优，薇 data_king99"),
    ("illegal_advert", "cashout_and_fake_traffic", "sms", "信用卡套现 花呗提现 费率低至0.6% 秒到账 不查征信 联系张经理13688129034"),
    ("illegal_advert", "data_and_accounts_trade", "post", "高价收银行卡 手机卡 对公账户 一套3000 当天结款 有意者私聊"),
    ("illegal_advert", "gambling_ad", "sms", "世界杯足球投注平台 开户就送 首充100送100 扣扣1928374650"),
    ("illegal_advert", "fake_documents_invoices", "sms", "论文代写代发 核心期刊包录用 知网可查 不成功全额退款 加微信 lunwen_888"),
    ("illegal_advert", "sex_and_drugs", "chat", "听话水 催情药 无色无味 快递包邮 要的私聊"),
    ("illegal_advert", "data_and_accounts_trade", "sms", "出售微信老号、实名抖音号、支付宝实名号，可过人脸，批发价，联系TG @haoshang88"),
    ("illegal_advert", "cashout_and_fake_traffic", "post", "专业刷单刷流量 刷好评删差评 电商店铺提权 价格好谈"),
    ("illegal_advert", "contraband_goods", "sms", "考试无线耳机 隐形接收器 驾考 自考 职称考试通用 货到付款 微信 kaoshi_tong"),
    ("illegal_advert", "contraband_goods", "sms", "出售野生穿山甲肉、熊掌，正宗野味，冷链包邮，薇 yewei_2026"),
]
