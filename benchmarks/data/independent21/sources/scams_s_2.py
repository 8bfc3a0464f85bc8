ROWS = [
('investment', 'broker_advisor_free_course_sms', 'sms', '张先生您好，我们券商投顾团队本周开设免费股票课程，由从业二十年的老师直播讲解，需要为您预留一个名额吗？'),  # subtle
('romance', 'yoga_class_wrong_contact', 'chat', '请问是李姐吗？上次在瑜伽馆你说让我把课表发给你的'),  # subtle
('investment', 'kline_group_gratitude_post', 'post', '跟着K线群的王老师第三周了，今天又吃了一个涨停，真心感谢老师🙏 有想一起学习的姐妹评论一下，我问问还能不能进。'),  # subtle
('romance', 'ocean_freighter_captain_letter', 'email', '你好，我是一名远洋货轮的船长Richard，常年漂在海上，只有网络陪着我。在交友网站上看到你的照片，你的眼睛很温柔，希望我们能成为朋友，慢慢了解彼此。'),  # subtle
('investment', 'colleague_deepfake_date_crypto_contract', 'retelling', '我同事小周三十二岁，在“青藤之恋”上认识一个自称在新加坡做量化交易的男人，每天嘘寒问暖，还视频过一次（后来才知道是换脸）。认识第三周他说带她做数字货币合约，让她下载“CoinVista”，先充两万赚了六千，顺利提了出来。她又借网贷、刷信用卡，前后充了四十七万。提现时平台说她账户涉嫌洗钱被冻结，要交本金30%的保证金，她东拼西凑交了还是提不出来。那个男人最后只回了一句“你太让我失望了”，就把她删了。她到现在还在还网贷。'),
('investment', 'crude_oil_futures_margin_ratio', 'complaint', '在“中盛期货”APP做了两个月原油，账户里有36万，现在提现提示“保证金比例不足，需补缴账户净值的20%方可出金”，客服说是风控规定，不补就永久冻结。我已经投进去22万了，还要再交七万多，这合理吗？'),
('impersonate_service', 'margin_account_frozen_hotline', 'sms', '【华泰证券】您的两融账户存在违规操作，保证金将于今日冻结，如需退回请联系专属客服 400-893-6271 处理。'),
('other_fraud', 'black_platform_recovery_ad', 'post', '被平台坑了别灰心！专业追回团队，黑平台、虚拟币提不出来都能追，先追回后收费，成功率80%，已帮上百人拿回本金。咨询加扣扣 3 0 7 5 5 2 8 6 4 1'),
('investment', 'silver_health_project_fake_report', 'news', '【民生要闻】记者从“银发安康工程”全国推进会获悉，该工程作为应对人口老龄化国家战略配套项目，面向60岁以上群体开放“养老权益份额”认购，每份1万元，年化收益12%，三年期满可转为定点养老院入住权。目前全国已有超过20万老人参与，可通过项目官网 yfak-gov.cn 办理认购。'),
('romance', 'dubai_appendicitis_hospital_deposit', 'sms', '宝贝我在迪拜住院了，急性阑尾炎，医院要先交押金才给手术，我的卡被冻结了，你先帮我转一万二好吗？医院账户我马上发你，求你了我好疼😣'),
('romance', 'unmet_fiance_car_down_payment', 'question', '网上认识半年的男朋友，一直没见过面，他说结婚用的车看好了，首付还差三万，让我先把存款转给他，车写我名字。这个能转吗？'),
('impersonate_acquaintance', 'hacked_wechat_pay_child_training', 'chat', '在不？帮个忙，我儿子学校要交培训费，我微信被限额了，你帮我转给老师一下，我马上还你，老师的收款码我发你'),
('impersonate_acquaintance', 'cousin_uk_student_rent', 'sms', '表姐，我是小雨，在英国手机丢了借同学的号发的。房东催房租，我爸妈联系不上，你先帮我垫两千英镑到房东账户好吗？GB47 LOYD 3092 1855 0046 72 Thomas Reed'),
('investment', 'defi_liquidity_pool_authorize', 'chat', '你钱包里的U放着也是放着，质押到流动性挖矿池子里每天自动产出0.8%，随时能取。用imToken打开这个链接授权一下就能参与：defi-pool.vip/join'),
('investment', 'new_coin_private_round_telegram', 'post', '新bi私募最后一轮，单价0.002U，下周上三大所，保守百倍。额度有限，进飞机群领额度：t.me/xingchen_coin88'),
('other_fraud', 'peach_blossom_hehe_talisman', 'chat', '你的命盘里有烂桃花缠身，所以感情一直不顺，身边还有小人作梗。我可以为你开光一道“和合符”，再做七天法事斩断孽缘，功德随喜，最少1688。'),
('other_fraud', 'gold_matchmaker_private_course', 'post', '想嫁高净值男士？“金牌红娘”私享课教你打造高价值人设、筛选优质男，三个月脱单！原价19800，今晚直播间下单立减一万，仅限30席，点击 hongniang-edu.cn 抢位'),
('shopping', 'winery_owner_boyfriend_stock_wine', 'dialogue', '他：我们酒庄今年压了批货，法国原装进口，外面卖1280一瓶，给你内部价380 我：我也喝不了那么多啊 他：你拿去朋友圈卖呀，卖不掉我回收，先拿两箱试试？货款转我工作账户就行'),
('rebate_task', 'match_introduces_mall_data_task', 'dialogue', '她：你平时下班都干嘛呀？ 我：刷刷手机。 她：我在做一个商城的数据优化，帮商家提销量，每单返佣金，一天能多赚几百呢 我：靠谱吗？ 她：我带你，前三单小的你先试，充一百返一百二～'),
('loan', 'credit_repair_agency_call', 'call', '喂您好，我是信安金融的客户经理，查到您征信有逾期记录，贷款都批不下来对吧？我们和银行内部有合作，能帮您修复征信，先交两千手续费，三天搞定，之后还能帮您申请二十万低息额度。'),
('romance', 'wrong_number_chaoshan_private_room', 'sms', '刘哥，周六晚上六点半包间订好了，就上次那家潮汕菜，人齐了我给你打电话。'),  # subtle
('romance', 'stranger_sunshine_morning_wish', 'sms', '早上好，今天阳光很好，愿你一整天都有好心情🌞——你的新朋友小雅'),  # subtle
('investment', 'pinyin_gp_group_sms', 'sms', '【涨停密码】免费进gp交流群，老师每日盘前分享1只强势gu，jia V：zt-mm668 或戳 s.ztmm.cc/gp 回TD退订'),
('investment', 'community_lecture_eggs_flyer', 'notice', '社区公益讲座：老年人如何守好钱袋子，顺便教大家看懂股票基金，本周三上午九点社区活动室，到场送鸡蛋一盒。'),  # subtle
('romance', 'game_guild_only_two_girls', 'chat', '你是新来的吧？帮会里就咱俩是女生哈哈，以后副本我带你，晚上一起开麦不？'),  # subtle
('investment', 'livestream_assistant_seat_callback', 'call', '喂，王阿姨您好，我是昨天直播间的小助理呀，您听课时点了关注，老师特意让我问问，今天下午的实战课还给您留座吗？'),  # subtle
('romance', 'dubai_supply_chain_exec_network', 'email', 'Hi，我在职场社交平台上看到你的履历，我们都做供应链。我现在在迪拜负责一家贸易公司的亚太业务，想和国内同行多交流，方便的话可以留个联系方式吗？'),  # subtle
('investment', 'mortgage_paid_off_noble_person', 'post', '去年还在为房贷发愁，今年已经提前还完了。说说我的变化：认识了一位贵人，学会了看数据，才明白钱是可以自己赚的。想听我的故事可以私我💬'),  # subtle
('romance', 'dentist_ragdoll_cats_hello', 'chat', '嗨～我是做牙医的，刚下夜班。看你简介写着喜欢猫，我家有两只布偶，给你看看？'),  # subtle
('other_fraud', 'free_bazi_marriage_reading', 'post', '免费测八字看姻缘，前50位不收费，留下生辰即可，大师亲自批注。'),  # subtle
('investment', 'fx_report_sent_to_wrong_person', 'dialogue', 'A：张经理，明天的外汇报告发您邮箱了 B：你发错人了吧 A：啊抱歉抱歉！不过相逢就是缘，我是做外汇分析的，以后有行情可以和你聊聊😊'),  # subtle
('romance', 'peacekeeper_officer_polite_hello', 'chat', '你好，我是一名驻外维和军官，在这里很少有机会和中国朋友聊天，很高兴认识你，希望没有打扰到你。'),  # subtle
('investment', 'new_share_internal_allotment_notice', 'notice', '尊敬的投资者，您已获得本周新股内部配售资格，请登录 zhxq-ipo.com 确认认购，逾期作废。'),
('phishing', 'wechat_pay_collection_limited', 'sms', '【微信支付】您的账户涉嫌异常交易已被限制收款，请登录 wx-pay-jiechu.cn 完成人脸验证后恢复。'),
('prize', 'dating_platform_anniversary_dryer', 'post', '恭喜你成为“缘聚”交友平台三周年庆幸运用户，获得戴森吹风机一台，仅需支付29元运费，领取入口：yj3zn.cc/gift'),
('impersonate_acquaintance', 'fake_bureau_chief_add_qq', 'sms', '我是你们刘局长，这是我私人号码，加我扣扣 3318720945，有事交代你。'),
('romance', 'birthday_gift_courier_handling_fee', 'sms', '宝贝明天你生日，我给你准备了一份大礼，快递员会联系你，记得收下哦，可能要交点手续费你先垫一下'),
('investment', 'traditional_gold_follow_group', 'post', '國際黃金今晚必漲，跟單群免費進，盈利後再分成，私聊領取進群碼'),  # subtle
('loan', 'fullwidth_no_credit_check_loan', 'post', '无视黑白户，秒批５万，不看征信，凭身份证即可下款，申请ｍｄｋ８８．ｃｃ 详询ＱＱ：２８５６３１００７'),
('rebate_task', 'homophone_home_parttime_wei', 'post', '在家兼职，手机就能做，日结二佰到五佰，宝妈学生都可以，感兴趣的加➕威：jz-0927'),
('investment', 'statement_block_trade_app_channel_fee', 'statement', '报案人陈述：本人李某，女，五十四岁，退休职工。2025年3月，我在短视频平台看到免费学炒股的广告，添加“助理”微信后被拉入“鸿运投研会”群。群内“杨教授”每天讲课，推荐下载“汇鑫通”APP参与“机构大宗交易”。3月至5月期间，我先后通过手机银行向对方指定的七个不同个人账户转账共计人民币四十一万元。APP显示盈利后我申请提现，客服以需缴纳“出金通道费”为由拒绝出款，目前群已解散，“杨教授”无法联系。以上陈述属实。'),
('romance', 'statement_facebook_army_medic_parcel', 'statement', '本人王某，女，四十七岁，个体经营。2024年11月在脸书上认识自称美军驻叙利亚军医的“Mark”，对方称即将退役来中国与我结婚，并已寄出装有现金和首饰的包裹。随后有自称“国际快递”工作人员的人联系我，先后以关税、安检费、反恐证明费为由要求付款，我共分五次向其提供的账户汇款十八万六千元，至今未收到任何包裹，“Mark”与快递人员均已失联。本人愿配合调查，以上所述均为事实。附：对方使用的微信号及转账记录截图共二十三张。'),
('other_fraud', 'narrative_student_apk_video_blackmail', 'narrative', '大三学生小林在一个交友软件上认识了一个“女生”，聊了两天对方主动提出视频，并发来一个安装包说是“高清视频软件”。视频中对方引导小林做出不雅动作，挂断后马上发来录屏和他通讯录里父母、同学的名单，要求转账两万元，否则就发给所有人。小林转了五千后，对方又要一万五的“删除费”，他这才鼓起勇气告诉了辅导员。辅导员陪他去派出所后才知道，那个“高清视频软件”会在后台偷偷读取通讯录，而和他视频的“女生”画面只是提前录好的一段视频，对方真正的目的就是勒索钱财。'),
('impersonate_acquaintance', 'grandma_fake_grandson_bail_call', 'retelling', '我妈上周接到个电话，那边哭着喊“奶奶”，说打架把人打伤了被派出所扣了，要两万保释金，还让她别告诉我们。我妈急坏了差点去银行取钱，幸亏柜员多问了一句，打电话给我才知道我儿子好好在学校上课。那声音听着还真像，现在这些骗子太可怕了。'),
('investment', 'husband_cloud_miner_app_migration_fee', 'retelling', '我老公去年在一个游戏群里认识个“大哥”，说自己靠挖矿实现了财务自由，推荐他下载“比特云矿”APP，买矿机就能每天产币。刚开始买了一台入门矿机，每天能提几十块，他就越买越多，还拉了两个朋友进来拿推荐奖励。到今年三月累计投了十六万，APP突然升级成“2.0版本”，说老用户要交20%的“数据迁移费”才能保留矿机，交了以后APP直接打不开了，那个“大哥”的微信也成了僵尸号。被他拉进来的两个朋友到现在还在埋怨他。'),
('romance', 'sister_streamer_boyfriend_monthly_rank', 'retelling', '我姐在直播平台上迷上了一个男主播，主播私下加她微信叫她老婆，说只要帮他冲到月榜第一，公司就跟他签大合同，以后辞职跟她过日子。我姐三个月刷了十一万礼物，还借了信用卡。榜冲上去了，他又说公司扣了分成，要她接着刷，我姐一犹豫就被拉黑了。'),
('investment', 'forex_withdraw_crossborder_tax_dialogue', 'dialogue', '客户：我要提现，为什么一直显示审核中？ 客服：您好，您的账户盈利已超过平台风控额度，需要先缴纳盈利部分15%的跨境结算税费 客户：不能直接从余额里扣吗？ 客服：抱歉，根据监管规定税费需单独缴纳，缴纳后30分钟内到账'),
('impersonate_service', 'elderly_wealth_product_renewal_otp', 'dialogue', 'A：阿姨您好，您在我们公司买的“福寿安”理财到期了，要续到新账户才有利息 B：我不太会弄啊 A：没关系，您把银行卡号和手机收到的六位验证码告诉我，我后台帮您办好 B：验证码刚收到，我念给你听啊'),
('impersonate_authority', 'victim_fund_return_activation_notice', 'notice', '【网络投资受害人资金返还通知】经公安机关侦查，“汇丰环球”“鼎盛国际”等平台涉案资金已冻结，受害人可申请返还。请于本月30日前登录返还登记平台 fanhuan-dengji.cn 填写身份信息及银行卡，并缴纳账户激活费，逾期视为自动放弃。'),
('other_fraud', 'one_yuan_scholarship_auto_deduct', 'complaint', '在朋友圈看到一个“一元助学”公益活动，点进 yiyuan-zx.cn 捐了1块钱，结果小程序绑定了免密支付，每月自动扣我98元“爱心月捐”，客服电话打不通。这个“爱心助学基金会”民政部根本查不到，到底找谁退钱？'),
('romance', 'war_zone_inheritance_lawyer_email', 'email', '亲爱的：我父亲去世后留下一笔480万美元的遗产，由于我在战地无法处理，律师建议转给我信任的人代为保管，我选择了你。请尽快联系Brown律师（邮箱：brown.law.office@outlook-uk.com），他会告诉你需要准备的公证费，完成后这笔钱会转入你的名下。'),
('shopping', 'boyfriend_yunnan_jade_bangle', 'complaint', '网上谈的男朋友说他家在云南开玉石店，给我推了一只“老坑冰种”手镯，说外面卖八万，他亲自挑的只要一万五。收到后拿去鉴定是B+C货，几百块都不值。他说是他妈妈店里的货不能退，还怪我不信任他。'),
('phishing', 'unmatched_member_refund_email', 'email', '主题：【会员费退款通知】尊敬的会员：因您本年度未成功匹配，根据平台承诺可全额退还会员费2980元，请于3个工作日内访问 love-tuikuan.com 填写银行卡信息及验证码完成退款，逾期将无法受理。'),
('prize', 'honor_of_kings_free_skin_scan', 'dialogue', '同学：兄弟，王者周年庆免费领典藏皮肤，QQ扫码登录就行，我刚领了一个 我：真的假的？ 同学：真的，快去 wzry-zqgift.cc 晚了就没了'),
('investment', 'wife_nasdaq_original_shares', 'question', '我老婆在老乡群里认识个“大姐”，说有家生物科技公司的原始股，一股三块，明年在纳斯达克上市，让她先认购十万。这种原始股能买吗？是不是诈骗？'),
('romance', 'nurse_abroad_never_video_ticket', 'question', '网恋一年的女朋友从来不跟我视频，说在国外做护士不方便，最近说要回国见我，机票钱要我出两万，还让我先打五千办护照，我该信吗？'),
('investment', 'zodiac_collectible_synthesis_buyback', 'post', '数字藏品合成新玩法！集齐五张“十二生肖”卡即可合成限量金卡，平台按2万回购！盲盒9.9一个，新人注册送3个，邀请链接👉 sz-cangpin.top/i/5520'),
('loan', 'loan_center_insufficient_flow', 'call', '喂，您好，这边是“信达普惠”放款中心，您申请的十五万借款因流水不足被系统冻结，需要您转两万到指定账户刷一下流水，审核通过后连本带款一次性打给您。'),
('rebate_task', 'local_news_cloud_cs_recruit', 'news', '【本地资讯】据了解，电商平台为提升店铺信誉，正通过“云客服”项目招募居家兼职人员，只需用手机完成浏览、收藏、下单等任务即可获得佣金，单日最高可达500元。目前项目在本市开放200个名额，报名可添加项目专员微信：ykf-zhaomu01。'),
('investment', 'digital_economy_fund_flash_news', 'news', '【财经快讯】国家数字经济发展基金今日面向个人投资者开放认购通道，起投5000元，保底年化9.6%，由央企全额兜底。据悉首期额度已认购过半，投资者可通过官方小程序“数经惠民”或官网 szjj-huimin.com.cn 认购。'),
('investment', 'uncle_eldercare_room_reservation', 'retelling', '我大伯七十多了，被一个“养老服务公司”的业务员天天上门嘘寒问暖，帮他买菜、陪他聊天，比亲儿子还亲。后来业务员说公司是国家养老战略试点，投十万就能“预定”一个养老院房间，每年还有15%的收益。大伯先投了十万，半年后真拿到了利息，就把五十万拆迁款全投了。今年春节后公司突然人去楼空，门口只贴了张“内部整顿”的告示。去派出所报案才知道，同一个小区被骗的老人有三十多个。大伯到现在都不肯相信那个业务员是坏人，还天天念叨她会回来。'),
('impersonate_acquaintance', 'bestie_ai_faceswap_video_loan', 'retelling', '前天闺蜜微信找我借八千，说孩子住院急用，我有点怀疑就要求视频，她还真打过来了，画面里就是她的脸，只说了句“快点，急”就挂了，说医院信号不好。我转完钱再打她电话，她说根本没找我借过钱，微信前一天就被盗了。那段视频应该是AI换脸合成的，现在想想都后怕，以后借钱的事我一定要打电话、当面问清楚才行，光看视频也不能信了。那八千块到现在也没追回来，派出所说钱转了好几道，已经进了境外的账户，我闺蜜也因为这事被好多朋友误会了。'),
('romance', 'statement_yiban_app_hk_gold', 'statement', '本人赵某，男，三十五岁，公司职员。2025年6月在“一伴”交友APP上认识一名自称“林佳”的女子，对方称在香港从事黄金交易。交往一个月后，对方称掌握平台数据漏洞，诱导我注册“富汇金业”账户并入金。2025年7月至9月，本人先后分十二次向对方提供的银行账户转账，共计人民币六十三万元。后平台以“账户异常需缴纳解冻金”为由拒绝提现，“林佳”随即将我删除。现将情况如实陈述，请求公安机关立案侦查。附转账凭证十二份。'),
('other_fraud', 'livestream_master_pixiu_lamps', 'narrative', '五十多岁的刘阿姨因儿子婚事不顺，在短视频上刷到一个“大师”直播算命。连麦后，大师说她家祖坟风水被破，儿子命里带“孤鸾煞”，要请一尊开光貔貅镇宅。刘阿姨先花6800请了貔貅，大师又说法力不够，还要做三场法事、点一百零八盏长明灯，前后花了近九万。儿子的婚事毫无进展，大师的直播间却换了名字，再搜已经找不到了。刘阿姨的女儿知道后翻看聊天记录，才发现“大师”的每一步都是照着话术来的，先吓唬、再收钱、最后加码，九万块就这样打了水漂。'),
('romance', 'bachelor_cousin_tiantian_station', 'retelling', '我表叔四十五了还单身，在短视频平台认识了个叫“甜甜”的，头像年轻漂亮，说不嫌他是农村的，只想找个踏实人过日子。三个月里“甜甜”先后以母亲生病、弟弟上学、来看他的路费为由要钱，我表叔把卖猪的钱和打工攒的四万多全转了过去。约好见面那天，他在县城车站从早等到天黑，对方手机再也没开过机。后来派出所的民警告诉他，“甜甜”的照片是从网上盗来的，跟他聊天的很可能是个男的，同一套说辞已经用在了县里好几个单身汉身上。'),
('investment', 'stock_group_shill_chorus', 'dialogue', '群友A：老师今天推的那只又涨停了，我加仓了！ 群友B：感谢老师，这个月第四个板了🙏 老师：明天有个大机构的票，只在VIP群发，想进的找助理 群友C：报名报名，怎么开VIP？ 助理：VIP年费19800，今天报名打八折，私聊我'),
('investment', 'dotted_digital_currency_ad', 'post', '数.字.货.币.新.风.口，零基础也能月入过万，导师一对一带，详情加 V：szb-laoshi7'),
('romance', 'missing_you_gift_held_customs', 'sms', '想你了，今天忙完了吗？给你寄的礼物被海关扣下了，要补点税，晚点细说😔'),
('impersonate_service', 'douyin_monthly_pay_student_close', 'call', '您好，我是抖音客服，您之前开通了“抖音月付”学生服务，不关闭会影响征信，我来指导您关闭，请先打开您的银行APP。'),
('investment', 'pinyin_initials_forex_driver', 'post', 'wh（外汇）老司机带飞，zq靠实力，jia我拉进qun，每天三单稳赚不赔，联系方式看主页'),
('investment', 'new_friend_company_inside_channel', 'chat', '我们公司内部有个渠道，能提前拿到一些项目，收益比银行高太多了，不过不对外，你要是信得过我以后再跟你细说。'),  # subtle
('romance', 'wrong_number_seaview_room_pickup', 'sms', '陈总，您订的明晚海景房已经确认了，接机的车也安排好了，到了给我发个消息就行。'),  # subtle
('romance', 'comment_widower_engineer_follow_back', 'post', '你笑起来真好看，像我女儿妈妈年轻的时候。我在国外做工程师，很久没和中国人聊天了，能回关一下吗？'),  # subtle
('investment', 'research_institute_holding_survey_call', 'call', '您好，打扰您一分钟，我们是一家财经研究院，正在做投资者回访，您目前手里还有持仓吗？亏得多不多？'),  # subtle
('romance', 'pilot_landed_guangzhou_coffee', 'chat', '嗨，我是飞行员，刚落地广州，在附近的人里看到你，今晚有空一起喝杯咖啡吗？没别的意思，一个人在外有点闷。'),  # subtle
('investment', 'classmate_reunion_circle_hint', 'dialogue', 'A：听说你现在在银行上班？ B：是啊，怎么了 A：我最近跟一个圈子在做点东西，收益挺好的，改天请你吃饭聊聊，说不定你也感兴趣'),  # subtle
('impersonate_acquaintance', 'friend_thailand_passport_stolen_email', 'email', '主题：急！求帮忙 你好，我在泰国旅游，护照和钱包在酒店被偷了，大使馆说补办要好几天，酒店不让我退房。你能先借我一万元吗？我把朋友的收款账户发你，回国马上还。别打我电话，这边手机也丢了。'),
('other_fraud', 'stray_dog_shelter_food_appeal', 'post', '救助站又收了十七只流浪狗，狗粮只够撑三天了😭 求爱心人士帮忙，每一份心意都能救一条命，捐款直接打救助站负责人账户：6217 8530 0012 4465 398 刘静'),
('shopping', 'quitting_player_sells_account', 'post', '本人退游出号，满V五百多个皮肤，三千拿走，走“交易猫”担保，担保链接私发：jym-danbao.cc/pay 先到先得'),
('romance', 'dad_ukrainian_beauty_gold_tax', 'retelling', '我爸六十多了，最近天天捧着手机跟一个“乌克兰美女”视频聊天，说人家要来中国嫁给他，先要他打钱办签证、买机票，还说行李里有金条要交关税。我们全家怎么劝他都不信，已经偷偷转了七万多，我真不知道该怎么办。他还说那个女人已经在去机场的路上了，只差最后一笔“行李清关费”三万块，让我们别拦着他。我们给他看新闻，他说那是别人运气不好，他这个是真心的，还把我们的电话都设成了免打扰，现在连他的银行卡和退休金都管不住了。'),
]
