ROWS = [
    ('other_fraud', 'recruitment_agent', 'chat', '老板，你厂里缺普工是吧？我手上有二十多个工人，都是老乡，下周就能进厂，每人介绍费三百先付，人到齐了你再结尾款，别的中介可没这么快。'),
    ('other_fraud', 'bookkeeping_agent', 'complaint', '注册公司后有家代账公司打电话，说帮我们一年零申报，价格很便宜，先交了一年的费用。结果他们根本没报税，也不接电话，现在公司被罚款，还成了非正常户，补申报又花了一笔钱。'),
    ('other_fraud', 'foreign_buyer_certification', 'email', 'Dear manager，您好，我们是一家中东贸易公司，在广交会上看到贵司产品，对其中几款很感兴趣，能否发一份最新的产品目录和报价？'),  # subtle
    ('impersonate_service', 'delivery_platform_merchant', 'question', '美团“业务经理”用13387415062打电话，说我外卖店参加平台补贴活动要交一千二押金，打到他个人微信，活动结束退还，商家后台没找到这个活动，能交吗？'),
    ('phishing', 'invoice_phishing', 'email', '王会计您好，附件为贵司本月对账单及电子发票，请财务核对后回签。附件较大请通过以下链接下载（提取码 6x8k）：http://yunpan-dl.xyz/s/Kd92f 如有差异请在周五前回复，谢谢。'),
    ('impersonate_acquaintance', 'supplier_account_change', 'complaint', '跟合作三年的布料厂一直邮件对账，上个月收到“他们”的邮件说换了收款账户，格式、签名、抬头都跟以前一样，我们就按新账户付了二十六万。结果厂里说根本没发过这封邮件，仔细一看对方邮箱地址只差了一个字母，银行说钱已经被转走了。'),
    ('other_fraud', 'tender_entry_fee', 'chat', '您好，恭喜贵单位入围临川县智慧校园采购项目，投标保证金今天17:00前要在 zb-ggzy.cn.top 缴纳，过时就取消资格了。'),
    ('impersonate_acquaintance', 'boss_impersonation_private', 'question', '老板QQ突然发消息让我把公司账上的钱先转到一个个人账户，说是给客户的“感谢费”，要马上办，还说他在开会别打电话，办完把回单截图发他。这种情况正常吗？'),
    ('other_fraud', 'website_filing_domain', 'chat', '您好，贵公司网站的ICP备案马上要注销了，我们中心可以代办续期，一年980，逾期网站会被关停，需要的话联系我 0755-26538107'),
    ('other_fraud', 'qr_code_replacement', 'retelling', '早上开门发现门口的收款码被人贴了另一张，颜色样式都一样，不仔细看根本看不出来。连着三天的钱都进了别人账户，我还以为是生意变差了，直到一个老顾客说付款名字怎么变了。'),
    ('other_fraud', 'qr_code_replacement', 'complaint', '水果摊门口的二维码夜里被人换了，顾客扫码付钱显示的名字不是我，我一开始还没注意，手机也没到账提示，前后少了两千多，监控只拍到一个戴帽子的人。'),
    ('impersonate_authority', 'tax_bureau_abnormal', 'sms', '【电子税务局】贵单位2025年第三季度增值税申报数据存在异常，已列入风险预警名单，请于48小时内登录 etax-chinatax.gov-cn.top 完成核查，逾期将暂停发票领用。'),
    ('loan', 'tax_loan', 'question', '有个“税贷顾问”说能帮我们公司申请银行税贷，额度能做到一百万，但要先把对公账户和网银交给他们“走账美化流水”一周，顾问电话021-52871406，这样安全吗？'),
    ('credit_record', 'credit_repair', 'question', '有人打电话说我个体户名下有一条“异常经营记录”，会影响征信和贷款，要交钱办“信用修复证明”，三天内不办会上黑名单。个体户真的会有这种记录吗？'),
    ('impersonate_authority', 'license_annual_report', 'notice', '关于个体工商户营业执照年检的通知：根据上级部门要求，辖区内个体工商户请于本月25日前通过线上渠道完成年检，上传执照照片和经营者身份证，逾期未检者将处以2000元罚款并注销执照。线上办理：http://47.102.133.61/gtnj'),
    ('other_fraud', 'bulk_order_sample_fee', 'complaint', '一个“大客户”说要订五百套工作服，价格谈得很爽快，但让我先到他们推荐的检测中心做面料检测，交了三千五，报告出来说不合格要重新送检，又要交钱。我没再交，客户就再也没回消息了。'),
    ('phishing', 'etc_deactivation', 'complaint', '物流公司司机收到ETC过期的短信，点开 etc-rz.cn.vip 填了老板的卡号、身份证和验证码，不到十分钟卡里一万六被刷走了，银行说是他们自己输的验证码，只能去报警。'),
    ('other_fraud', 'fake_gov_procurement', 'call', '喂，是锦程办公用品吗？我是市第二人民医院后勤采购科的，我们科室下个季度需要一批打印纸、硒鼓和文件柜，量比较大，想找你们报个价，你加我微信我把清单发你。'),  # subtle
    ('impersonate_authority', 'customs_seized_goods', 'notice', '【海关通知】贵司报关单号5302****1186货物申报不实已被查扣，请于今日联系关员 0592-57602813 处理，否则将移交缉私部门。'),
    ('impersonate_authority', 'tax_officer_opening', 'chat', '您好，我是税务分局的，贵公司今年的汇算清缴资料有几项需要补充，请问负责报税的是您吗？'),  # subtle
    ('investment', 'stock_group', 'question', '被拉进一个“企业家投资交流群”，里面人人晒收益，老师让在 yzg-app.xyz 下载APP买“原始股”，说开户就送额度，这是不是骗局？'),
    ('impersonate_acquaintance', 'boss_impersonation_group', 'statement', '我是做外贸的小公司老板，最近有人用我的头像和名字建了个企业微信群，把我们会计、出纳和两个业务员都拉进去，以我的口吻让会计付一笔“定金”，还说我在飞机上不方便接电话，要她先付再说。好在会计按规定打了我电话。在此声明：我本人从不在群里安排转账，凡是让转钱的，一律打我电话或当面确认。'),
    ('impersonate_acquaintance', 'boss_impersonation_private', 'retelling', '我们公司出纳上周被人拉进一个“公司管理层”群，群里“老板”的头像和名字跟我们老板一模一样，另外几个“副总”也都在，老板在群里让她马上付一笔合作款，差点就转了四十多万。幸好她多了个心眼，打电话跟老板本人确认，老板根本不知道有这个群。'),
    ('impersonate_service', 'power_cut_threat', 'sms', '您好，我是片区供电所的，你们厂的电表要更换成智能表，需要跟负责人确认一下时间和户号信息，收到请回电。'),  # subtle
    ('impersonate_authority', 'court_summons', 'call', '喂，是丰禾贸易有限公司吗？这里是区人民法院立案庭，你们公司有一份起诉材料需要法人签收，请法人接一下电话。'),  # subtle
    ('other_fraud', 'fake_invoice', 'sms', '本公司有部分进项，可代开增值税专用发票、普通发票，点数优惠，可验证后付款，联系 15307628413 陈。'),
    ('impersonate_acquaintance', 'supplier_account_change', 'sms', '李会计您好，我是华诚纸业财务小吴，这个月对账单我们这边有调整，麻烦加一下我新微信，我把明细发你。'),  # subtle
    ('phishing', 'enterprise_im_phishing', 'sms', '【企业微信】您的企业微信账号于今日凌晨在异地设备登录，为确保企业数据安全请立即验证身份：wework-yz.top/v，否则账号将被冻结且无法接收审批消息。'),
    ('prize', 'merchant_prize', 'sms', '恭喜您店鋪被抽中為幸運商戶，獲得免費裝修基金３８８８元，領取請聯繫１７３８０６４５２１９'),
    ('impersonate_acquaintance', 'fake_old_client', 'sms', '刘老板，我是去年在你那订过一批货的王总，还记得吧？最近又有个单子想找你做，方便加个微信聊吗？'),  # subtle
    ('impersonate_authority', 'tax_officer_opening', 'sms', '王会计您好，我是你们公司新的税务专管员，姓吴，之前的专管员调岗了，麻烦加一下我微信，以后申报的事直接找我。'),  # subtle
    ('impersonate_acquaintance', 'boss_impersonation_private', 'chat', '我在跟税务局的领导吃饭，不方便说话。你先给这个账户转38000，是项目保证金，对方等着要，回单截图发我，明天回公司补签字。户名：江城市鼎昇建材经营部 账号：6217 0031 5588 2046 719'),
    ('phishing', 'etc_deactivation', 'sms', '【ETC服务】贵公司名下货车ETC设备已失效，为避免影响高速通行，请点击 etc-kt.cn.vip/yz 进行认证。'),
    ('impersonate_service', 'merchant_account_frozen', 'call', '喂，您好，我是微信支付商户中心的，你们店的收款码被多人举报涉嫌赌博资金，马上要冻结，冻结后三个月不能收款。需要你配合做一个资金流水核验，证明这些钱是正常经营收入。'),
    ('rebate_task', 'review_manipulation', 'sms', '大眾點評差評影響生意？專業優化評分，三天升星，不滿意不收費，联系 13078364529 徐经理。'),
    ('other_fraud', 'website_filing_domain', 'call', '你好，这里是网站备案审核中心，你们公司官网的备案主体信息跟营业执照对不上，需要跟网站负责人核实一下。'),  # subtle
    ('phishing', 'ukey_certificate', 'sms', '【网银中心】贵单位网银U盾证书将于今日到期，请登录 wy-ubao.com.cn.kz/update 更新，逾期将无法使用网银。'),
    ('impersonate_authority', 'customs_seized_goods', 'chat', '您好，我是海关的，贵司有一批进口货物的报关资料需要补充，请问对接报关的是哪位？'),  # subtle
    ('impersonate_acquaintance', 'boss_impersonation_group', 'chat', '@财务-周丽 在吗？看到回复一下，有个急事。'),  # subtle
    ('impersonate_authority', 'food_safety_fine', 'notice', '【食安监管】您的餐饮门店被顾客投诉食物中毒，已立案调查，店铺可能面临停业整顿。请负责人今日内联系执法人员 13657201846 说明情况，配合处理可从轻处罚。'),
    ('other_fraud', 'overpaid_refund_customer', 'call', '喂，是惠民超市吗？我刚刚扫你们门口的码好像付错了，多付了，你能帮我看一下吗？我加你微信说。'),  # subtle
    ('credit_record', 'credit_repair', 'chat', '老板您好，贵公司在信用网站上有一条行政处罚公示记录，会影响招投标和银行贷款，我们中心可以加急修复，详细可以打 0755-36579102'),
    ('credit_record', 'credit_repair', 'call', '您好，这边是企业信用服务中心，您公司的信用评级近期出现了变动，想跟法人核实一下经营情况，请问您是？'),  # subtle
    ('impersonate_authority', 'food_safety_fine', 'chat', '老板你好，我是区卫生监督所的，你们店员工的健康证有几个过期了，需要跟你确认一下整改时间。'),  # subtle
    ('other_fraud', 'fake_gov_procurement', 'retelling', '有人冒充部队采购员来店里订了一百箱矿泉水，给了定金，又让我帮忙从他“指定厂家”代购一批消毒片，说部队只认那个牌子，让我先垫着，送货时一起结。我垫了三万块进货，结果厂家和采购员都联系不上了，矿泉水也没人来拉。'),
    ('other_fraud', 'qualification_agent', 'sms', '建筑资质、安许、食品经营许可，包过加急，不成功全额退款，内部渠道7天下证，微 信 同 号 18620957143'),
    ('investment', 'stock_group', 'chat', '王总您好，我是鼎川财商学院的助理，看您是企业主，想邀请您进一个企业家内部交流群，里面都是各行业老板。'),  # subtle
    ('loan', 'business_loan_fee', 'sms', '【小微經營貸】凭营业执照即可申请，最高额度200万，年化3.2%起，無抵押當天放款，咨询 18571039628。'),
    ('rebate_task', 'shop_brushing', 'retelling', '开网店的表妹找了个“刷单团队”冲销量，前几单都正常返款，后来对方让她在 jd-shuadan.vip 上“批量接单”，说得先垫保证金，她连着转了六次，每次都说差一单才能提现，最后被拉黑了。'),
    ('other_fraud', 'trademark_renewal_agent', 'call', '您好，请问是禾沐餐饮管理的负责人吗？我这边是商标事务所的，您公司的商标出了点情况，需要跟您说一下，您现在方便吗？'),  # subtle
    ('other_fraud', 'map_listing_agent', 'complaint', '上个月有人上门说帮我把奶茶店标到各大地图上，还能在导航里显示“推荐商家”，收了我九百九，说包一年维护。现在电话打不通，地图上的位置还是我自己以前标的。'),
    ('impersonate_acquaintance', 'landlord_rent_account', 'question', '门面房东用陌生号码15896340271发短信说换了收款卡，让这季度的租金打到他“爱人”账户上，还说原来的卡被冻结了。我打他原来的电话又没人接，这钱要不要先付？'),
    ('impersonate_service', 'corporate_account_review', 'chat', '您好，我是您公司开户行的客户经理小赵，今年对公账户要重新做一次信息核实，您看什么时候方便？'),  # subtle
    ('other_fraud', 'trademark_renewal_agent', 'sms', '【商标通知】您名下第35类商标即将到期，若不及时续展将被他人抢注，现提供加急续展服务，详询 400-862-3157。'),
    ('other_fraud', 'qualification_agent', 'question', '有中介（电话13612058734）说能帮我们小公司办“高新技术企业”认定，保证通过，还能拿二十万补贴，但要先交三万服务费，签了合同不退。靠谱吗？'),
    ('other_fraud', 'overpaid_refund_customer', 'question', '店里收款码突然收到好几笔陌生人转来的钱，接着有个17182659034的号码打电话说转错了，让我退到另一个账户，不是原路退回，我该怎么处理？'),
    ('impersonate_authority', 'environmental_penalty', 'retelling', '我们的小加工厂接到“环保局”电话，说被人举报偷排废水，要罚五万还要停产，但他可以“帮忙处理”，只要交八千块“环评补办费”就能撤案。我老公差点就转了，后来去镇上环保所一问，人家说从来没有电话收费这回事。'),
    ('shopping', 'wholesale_low_price', 'chat', '老板，厂家直销清仓，名牌洗护用品比批发价还低三折，超市便利店可以一件代发，先款后货，价格表您看下 pfyx2025.shop/jg'),
    ('impersonate_acquaintance', 'boss_impersonation_private', 'chat', '张会计，在吗？我换了个微信，这个是我私人号，下午有个事要你办，先别在群里说。'),  # subtle
    ('impersonate_service', 'gas_cut_threat', 'sms', '【燃气集团】尊敬的商户，贵店燃气表检测异常存在安全隐患，明日起暂停供气，如需继续使用请点击 rq-jiance.top/h 预约上门检修，检修前请勿使用明火。'),
    ('investment', 'franchise_project', 'chat', '陈总好，我是上次商会活动坐你旁边的老刘，最近在做一个新项目，挺适合你们做实业的，有空喝茶聊聊？'),  # subtle
    ('impersonate_acquaintance', 'boss_impersonation_group', 'chat', '@所有人 今天下午下班前，财务把上个月供应商的尾款结一下，@孙会计 统计好以后直接私聊我，账户我单独发你。'),  # subtle
    ('rebate_task', 'shop_brushing', 'sms', '新店扶持，shua单冲销量，包上首页，不降权，详聊+薇 xd8866'),
    ('other_fraud', 'association_award', 'call', '您好，是恒泰门窗吗？我们是省中小企业发展促进会的，贵公司被推荐参评今年的诚信企业，想跟负责人确认下资料。'),  # subtle
    ('impersonate_service', 'pos_machine_upgrade', 'sms', '尊敬的商户：您的POS机因风控将被停用，请致电客服４００－８１６－０３７２恢复使用。'),
    ('phishing', 'tax_refund_phishing', 'sms', '【电子税务局】贵企业符合小微企业增值税留抵退税条件，可退税额已核定，退税将在确认后三个工作日内到账，请法人登录 tuishui-etax.cc/qy 确认收款账户。'),
    ('impersonate_service', 'pos_machine_upgrade', 'call', '喂，老板，你店里那个刷卡的机器是我们这边装的，最近系统要统一换新，你什么时候在店里？'),  # subtle
    ('other_fraud', 'fake_invoice', 'chat', '财务您好，年底了，贵司发票够用吗？有需要随时找我。'),  # subtle
    ('impersonate_service', 'power_cut_threat', 'notice', '【停电通知】贵厂用电户号3100825716欠费已逾期，将于今日17时停止供电，请立即联系 0769-22876319 缴纳，以免影响生产。'),
    ('impersonate_authority', 'court_summons', 'notice', '【法院通知】贵公司因合同纠纷被起诉，案号（2025）粤0306民初18247号，原告已申请财产保全。请于三日内联系承办法官 0755-29413670 确认应诉，逾期将缺席判决并冻结公司账户。'),
    ('other_fraud', 'foreign_buyer_certification', 'retelling', '做外贸的朋友遇到一个“非洲大客户”，邮件往来两个月，谈得很顺，最后非要他飞过去当面签合同，还要先交一笔进口许可证费和“律师公证费”，他觉得不对劲就没去。'),
    ('prize', 'merchant_prize', 'call', '恭喜老板，您店铺在平台周年庆活动中抽中二等奖，一台笔记本电脑，需要您先付两百块运费和个人所得税，我们当天给您发货，有疑问可以拨打活动客服 400-628-7315。'),
    ('impersonate_authority', 'social_security_audit', 'sms', '【人社通知】贵单位有员工工伤认定材料待补充，请单位经办人今日内回电本局，电话 0411-82673015。'),  # subtle
    ('other_fraud', 'online_promotion_agent', 'call', '喂您好，我们是抖音本地生活服务商，看您店铺同城曝光量很低，现在有个官方合作推广名额，充三千送三千流量，保证上热门，很多同行都在做了，名额就剩两个，您考虑一下？'),
    ('romance', 'romance_boss', 'retelling', '我老板单身多年，网上认识了一个“女企业家”，天天嘘寒问暖，还说以后要一起把厂做大。聊了两个月后她带他在一个平台“买黄金”，他把公司周转的六十多万都投进去了，现在平台打不开，人也联系不上。'),
    ('impersonate_acquaintance', 'colleague_impersonation', 'chat', '刘出纳，我是集团财务总监何建，董事长交代的一笔投标保证金今天必须打出去，金额120万，对方下午四点截止，你先走付款流程，审批单我回头补签，这事先别声张。'),
    ('impersonate_authority', 'tax_officer_opening', 'call', '喂，请问是鑫源贸易的会计吗？我是税务所的，你们公司这个月的申报表有点问题，你现在在电脑旁边吗？'),  # subtle
    ('other_fraud', 'map_listing_agent', 'chat', '老板您好，您店铺在导航地图上的定位有误，顾客都找不到门店，我们这边免费帮您纠错，您点这个链接提交一下门店信息就行 dt-biaozhu.cc/m'),
    ('other_fraud', 'online_promotion_agent', 'sms', '百 度 推 广 官 方 合 作：贵 公 司 官 网 排 名 下 滑，现 可 免 费 诊 断，联 系 1 5 2 0 7 3 8 4 6 1 9'),
    ('phishing', 'finance_subsidy_phishing', 'email', '关于2026年度第一季度财务人员补贴申领的通知：根据相关文件精神，各单位在岗财务人员可申领专项补贴，请于本周内扫描附件二维码或访问 https://cw-butie.gov-cn.icu 填写申领信息，逾期视为自动放弃。'),
]
