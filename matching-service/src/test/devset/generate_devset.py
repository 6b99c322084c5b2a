#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
Deterministic generator of the Rongtong matching DEVELOPMENT SET.

    python3 matching-service/src/test/devset/generate_devset.py

writes matching-service/src/test/resources/eval/dev-set.json and prints statistics
(the statistics section of docs/matching-dev-set.md is produced from the same run).

Everything here was written from domain knowledge of the industrial chains (product categories,
processes, research lines, the wording of procurement notices and enterprise profiles), independently
of the matching engine and of its thesaurus.  Every enterprise carries HIDDEN facts (capability
concepts with a business role, capacity, certifications, revenue, staff) and every demand the concepts
and roles it really needs plus its stated preferences; grades and hard negatives are computed from
those facts by the policy documented in docs/matching-dev-set.md.  The hidden facts are never written
to the JSON.  Standard library only; fixed seed.
"""
import json
import os
import random
import sys
from collections import Counter

SEED = 20240607
rng = random.Random(SEED)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_JSON = os.path.normpath(os.path.join(HERE, "..", "resources", "eval", "dev-set.json"))

# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------
DISTRICTS = {"370211": "黄岛区", "370212": "崂山区", "370214": "城阳区", "370215": "即墨区", "370281": "胶州市",
             "370283": "平度市", "370203": "市北区", "370213": "李沧区", "370202": "市南区", "370705": "奎文区",
             "370681": "龙口市", "371002": "环翠区", "370112": "历城区", "370114": "章丘区",
             "370176": "高新区", "370116": "莱芜区", "370676": "经济技术开发区", "370612": "牟平区",
             "370786": "昌邑市", "371502": "东昌府区", "371526": "高唐县", "370303": "张店区", "370305": "临淄区",
             "370321": "桓台县", "370102": "历下区", "370103": "市中区", "370104": "槐荫区", "370613": "莱山区",
             "370602": "芝罘区", "371071": "火炬高技术产业开发区", "370702": "潍城区", "370782": "诸城市",
             "370871": "高新区", "370811": "任城区", "371602": "滨城区", "371681": "邹平市", "370502": "东营区",
             "370523": "广饶县", "370982": "新泰市", "371702": "牡丹区", "371302": "兰山区", "371311": "罗庄区",
             "371482": "禹城市", "370682": "莱阳市", "370783": "寿光市", "371082": "荣成市", "371102": "东港区",
             "370785": "高密市", "370781": "青州市", "371428": "武城县", "370113": "长清区", "370881": "曲阜市",
             "370902": "泰山区", "370883": "邹城市", "370481": "滕州市", "370402": "市中区", "370522": "利津县", "371423": "庆云县",
             "330106": "西湖区", "320211": "滨湖区", "340104": "蜀山区", "310105": "长宁区", "320576": "苏州工业园区",
             "330211": "镇海区", "110108": "海淀区", "440106": "天河区", "320505": "虎丘区", "320214": "新吴区",
             "330108": "滨江区", "330206": "北仑区", "440305": "南山区", "440306": "宝安区", "340176": "高新区",
             "310115": "浦东新区", "310112": "闵行区", "320115": "江宁区"}
CITY = {"3701": "济南", "3702": "青岛", "3703": "淄博", "3704": "枣庄", "3705": "东营", "3706": "烟台", "3707": "潍坊",
        "3708": "济宁", "3709": "泰安", "3710": "威海", "3711": "日照", "3713": "临沂", "3714": "德州", "3715": "聊城",
        "3716": "滨州", "3717": "菏泽", "3205": "苏州", "3202": "无锡", "3302": "宁波", "3301": "杭州", "4403": "深圳",
        "4401": "广州", "3401": "合肥", "3101": "上海", "3201": "南京", "1101": "北京"}
# county-level cities whose own name is often used in company names
COUNTY_CITY = {"370481": "滕州", "370281": "胶州", "370681": "龙口", "370786": "昌邑", "370782": "诸城", "371681": "邹平", "371482": "禹城",
               "370682": "莱阳", "370783": "寿光", "371082": "荣成", "370785": "高密", "370781": "青州", "370982": "新泰",
               "370883": "邹城", "370283": "平度"}
OUT_OF_PROVINCE = ["320505", "320576", "320214", "330108", "330206", "440305", "440306", "340176", "310115", "310112",
                   "320115"]

CHAINS = {
    "HOME_APPLIANCES": dict(cn="智能家电", districts=["370211", "370212", "370214", "370215", "370281", "370283", "370203",
                                                    "370213", "370705", "370681", "371002"],
                            customers=["国内主流家电整机厂", "白电龙头企业", "出口型小家电品牌商", "厨电品牌商"],
                            certs=["ISO9001", "ISO14001"]),
    "NEW_ENERGY_VEHICLES": dict(cn="新能源汽车", districts=["370112", "370114", "370176", "370116", "370676", "370612",
                                                       "370705", "370786", "371502", "371526", "370303"],
                                customers=["国内新能源整车厂", "动力电池企业", "商用车主机厂", "Tier1零部件企业"],
                                certs=["IATF16949", "ISO9001"]),
    "INTEGRATED_CIRCUITS": dict(cn="集成电路", districts=["370176", "370102", "370211", "370212", "370303", "370613", "371071"],
                                customers=["国内封测厂", "消费电子品牌商", "汽车电子Tier1", "工控设备厂商"],
                                certs=["ISO9001", "IATF16949"]),
    "HIGH_END_EQUIPMENT": dict(cn="高端装备", districts=["370705", "370702", "370782", "370871", "370811", "370112",
                                                      "370116", "370602", "370676", "371002", "370303", "371602", "370481"],
                               customers=["工程机械主机厂", "发动机制造商", "农机装备企业", "机器人本体厂商"],
                               certs=["ISO9001", "IATF16949"]),
    "NEW_MATERIALS": dict(cn="新材料", districts=["370321", "370303", "370305", "370676", "370502", "370523", "371602",
                                               "371681", "370982", "371002"],
                          customers=["锂电池企业", "化工新材料龙头", "汽车零部件企业", "电子信息企业"],
                          certs=["ISO9001", "ISO14001", "IATF16949"]),
    "BIOMEDICINE": dict(cn="生物医药", districts=["370176", "370112", "371071", "371002", "370613", "371702", "371302",
                                               "371482", "370303", "370402"],
                        customers=["国内制药企业", "医疗器械注册人", "三甲医院", "生物技术公司"],
                        certs=["ISO13485", "GMP"]),
    "MARINE_ECONOMY": dict(cn="现代海洋", districts=["370211", "370212", "370202", "370602", "370613", "371082", "371102",
                                                  "370214", "371002"],
                           customers=["海工装备总包商", "海洋牧场运营企业", "远洋渔业公司", "海洋生物制品企业"],
                           certs=["ISO9001", "CCS船级社认证"]),
    "TEXTILES_APPAREL": dict(cn="纺织服装", districts=["371681", "371602", "370215", "370785", "370781", "371428",
                                                    "371702", "370682"],
                             customers=["国际运动品牌", "国内服装品牌", "日韩服装进口商", "家纺品牌商"],
                             certs=["OEKO-TEX Standard 100", "GRS全球回收标准", "BSCI"]),
    "FOOD_PROCESSING": dict(cn="食品加工", districts=["371302", "371311", "370682", "370783", "371482", "371502",
                                                   "370782", "370522"],
                            customers=["连锁商超", "餐饮连锁企业", "食品出口商", "大型食品企业"],
                            certs=["ISO22000", "HACCP", "SC食品生产许可"]),
    "SOFTWARE_IT": dict(cn="软件和信息技术服务", districts=["370102", "370176", "370212", "370202", "370211", "370613",
                                                       "370705"],
                        customers=["制造业龙头企业", "工业园区", "政府及国企客户", "中小制造企业"],
                        certs=["CMMI3", "ISO27001", "ISO20000"]),
}
FIELDS = ["TECH_RND", "PROCUREMENT", "PRODUCT_SUPPORTING", "ACHIEVEMENT_TRANSFER", "DIGITAL_EMPOWERMENT",
          "INNOVATION_RESOURCE_SHARING", "GREEN_LOW_CARBON", "SUPPLY_CHAIN_FINANCE", "TALENT_SHARING",
          "QUALITY_STANDARDS", "SPACE_CARRIER", "CROSS_BORDER_TRADE"]
FIELD_CN = dict(zip(FIELDS, ["技术研发", "采购", "产品配套", "成果转化", "数字化赋能", "创新资源共享", "绿色低碳",
                             "供应链金融", "人才共享/培训", "质量标准/检验检测", "空间载体", "跨境贸易"]))

# Kind rules: which kinds of enterprise can answer a demand of each field at all.
FIELD_KINDS = {
    "TECH_RND": {"SME", "UNIVERSITY", "SERVICE_PROVIDER", "CHAIN_LEADER"},
    "PROCUREMENT": {"SME", "CHAIN_LEADER", "SERVICE_PROVIDER"},
    "PRODUCT_SUPPORTING": {"SME", "CHAIN_LEADER"},
    "ACHIEVEMENT_TRANSFER": {"UNIVERSITY", "SME", "SERVICE_PROVIDER"},
    "DIGITAL_EMPOWERMENT": {"SERVICE_PROVIDER", "SME", "CHAIN_LEADER"},
    "INNOVATION_RESOURCE_SHARING": {"UNIVERSITY", "SERVICE_PROVIDER", "SME", "CHAIN_LEADER"},
    "GREEN_LOW_CARBON": {"SME", "SERVICE_PROVIDER", "UNIVERSITY"},
    "SUPPLY_CHAIN_FINANCE": {"FINANCIAL_INSTITUTION"},
    "TALENT_SHARING": {"SERVICE_PROVIDER", "UNIVERSITY"},
    "QUALITY_STANDARDS": {"SERVICE_PROVIDER", "UNIVERSITY", "SME"},
    "SPACE_CARRIER": {"SME", "UNIVERSITY"},
    "CROSS_BORDER_TRADE": {"SERVICE_PROVIDER", "SME"},
}
# Which business roles do the work a demand of each field asks for, and the best grade each can reach.
FIELD_ROLES = {
    "TECH_RND": {"MAKER": 3, "DESIGNER": 3, "SOFTWARE": 3, "RESEARCH": 3},
    "PROCUREMENT": {"MAKER": 3},
    "PRODUCT_SUPPORTING": {"MAKER": 3},
    "ACHIEVEMENT_TRANSFER": {"RESEARCH": 3, "DESIGNER": 3},
    "DIGITAL_EMPOWERMENT": {"SOFTWARE": 3},
    "INNOVATION_RESOURCE_SHARING": {"LAB": 3, "RESEARCH": 3},
    "GREEN_LOW_CARBON": {"ESCO": 3, "RESEARCH": 2},
    "SUPPLY_CHAIN_FINANCE": {"FIN": 3},
    "TALENT_SHARING": {"TRAINER": 3},
    "QUALITY_STANDARDS": {"LAB": 3, "RESEARCH": 1},
    "SPACE_CARRIER": {"MAKER": 3, "DESIGNER": 3, "SOFTWARE": 3, "RESEARCH": 2},
    "CROSS_BORDER_TRADE": {"TRADE": 3, "LOGISTICS": 3, "CONSULT": 3},
}

# --------------------------------------------------------------------------------------------
# Capability concepts (hidden).  ptags: how an ENTERPRISE words it; atags: how a research group words
# it; products: what the holder sells.  roles: MAKER (makes/processes), DESIGNER (designs / develops
# technology), SOFTWARE (builds and deploys software/systems), LAB (tests, measures, opens instruments),
# ESCO (builds and runs energy / environmental projects), CONSULT, TRAINER, FIN, TRADE, LOGISTICS,
# RESEARCH (university / institute group).  Look-alike roles (never what a demand asks for):
# DISTRIBUTOR, EQUIPMENT (maker of the machines for the process), REPAIR, HR, INCUBATOR, BROKER, MEDIA ...
# --------------------------------------------------------------------------------------------
CONCEPTS = {}


def L(role, kind, tags, products, blurb, namew):
    return dict(role=role, kind=kind, tags=tags, products=products, blurb=blurb, namew=namew)


def K(cid, chain, kind, role, fields, namew, ptags, atags, products, equip="", unit="万件", cap=(20, 300),
      neighbours=(), adjacent=(), looks=(), n=2):
    CONCEPTS[cid] = dict(id=cid, chain=chain, kind=kind, role=role, fields=fields, namew=namew, ptags=ptags,
                         atags=atags, products=products, equip=equip, unit=unit, cap=cap,
                         neighbours=list(neighbours), adjacent=list(adjacent), looks=list(looks), n=n)


PS, PR, TR, AT, DE, IR, GL, SF, TS, QS, SC, CB = FIELDS[2], FIELDS[1], FIELDS[0], FIELDS[3], FIELDS[4], FIELDS[5], \
    FIELDS[6], FIELDS[7], FIELDS[8], FIELDS[9], FIELDS[10], FIELDS[11]

# ---- 智能家电 ----
K("inj", "HOME_APPLIANCES", "SME", "MAKER", (PS, PR), ["精密模塑", "塑胶制品", "塑业科技", "精密塑胶"],
  ["精密注塑件加工", "精密塑胶成型", "大型注塑件生产", "双色注塑", "嵌件注塑"], ["聚合物注塑成型流变", "高分子材料成型加工"],
  ["洗衣机内外桶注塑件", "冰箱抽屉及内胆塑件", "空调面板及导风板"], equip="注塑机80余台（锁模力90-2800吨）", unit="万件",
  cap=(30, 260), neighbours=["diecast", "sheet"], adjacent=["mould", "nm_modplastic"], n=5,
  looks=[L("EQUIPMENT", "SME", ["注塑机制造", "伺服节能注塑机", "二板式注塑机"], "伺服节能注塑机、二板式大型注塑机",
           "专业研发制造伺服节能注塑机，为塑料制品企业提供整机、机械手及节能改造", "塑机"),
         L("REPAIR", "SME", ["注塑机维修保养", "液压系统维修"], "注塑机维修、伺服改造、配件更换",
           "专业从事各品牌注塑机上门维修、保养及伺服节能改造服务", "机电维修")])
K("mould", "HOME_APPLIANCES", "SME", "MAKER", (PS, TR), ["模具", "精密模具"],
  ["大型精密塑料模具设计制造", "热流道模具开发", "模流分析"], ["模具CAE与成型过程仿真"],
  ["家电注塑模具", "汽车内外饰模具"], equip="大型龙门加工中心、慢走丝及镜面火花机", unit="套", cap=(150, 600),
  adjacent=["inj"], looks=[L("DISTRIBUTOR", "SME", ["模具钢材销售", "模具标准件供应"], "S136、718H模具钢及顶针导柱",
                            "代理销售进口及国产模具钢、模具标准件", "模具材料")])
K("sheet", "HOME_APPLIANCES", "SME", "MAKER", (PS, PR), ["钣金", "精密钣金", "五金制品"],
  ["钣金冲压件", "级进模冲压", "数控折弯钣金", "激光切割钣金加工"], ["金属板料塑性成形"],
  ["空调外机钣金件", "冰箱侧板与背板", "服务器机箱机柜"], equip="200-800吨冲压线6条、激光切割及数控折弯设备", unit="万件",
  cap=(50, 500), neighbours=["inj"],
  looks=[L("EQUIPMENT", "SME", ["数控折弯机制造", "冲床压力机制造"], "数控折弯机、闭式高速冲床", "生产数控折弯机、剪板机与高速冲床", "锻压机床")])
K("ha_ctrl", "HOME_APPLIANCES", "SME", "MAKER", (PS, PR, TR), ["电子", "智能控制", "电子科技"],
  ["家电主控板PCBA", "变频驱动板开发与贴片", "SMT贴片加工", "电控组件"], ["电力电子变换与控制"],
  ["空调变频控制器", "洗衣机电脑板", "冰箱主控板"], equip="全自动SMT贴片线12条、AOI及ICT在线测试", unit="万片",
  cap=(80, 900), adjacent=["motor_foc", "ha_iot"], n=4,
  looks=[L("REPAIR", "SME", ["家电维修", "空调安装维修", "电脑板维修"], "家电上门维修、空调移机、电脑板维修",
           "专业从事空调、洗衣机等家电售后维修与安装，为多个品牌提供特约服务", "家电服务"),
         L("DISTRIBUTOR", "SME", ["电子元器件分销", "IGBT/MCU代理"], "MCU、IGBT、被动元件", "代理分销国内外品牌电子元器件，提供备货与BOM配单", "电子元件")])
K("ha_motor", "HOME_APPLIANCES", "SME", "MAKER", (PS, TR), ["电机", "微电机"],
  ["BLDC无刷直流电机", "变频压缩机电机", "塑封电机"], ["特种电机电磁设计"],
  ["空调风机电机", "洗衣机DD直驱电机", "油烟机电机"], equip="自动绕线、嵌线及动平衡生产线", unit="万台", cap=(50, 600),
  adjacent=["motor_foc"],
  looks=[L("REPAIR", "SME", ["电机维修", "电机绕组重绕"], "各类电机维修、重绕与动平衡校正", "承接工矿企业电机维修、绕组重绕及轴承更换", "电机修理")])
K("ha_hx", "HOME_APPLIANCES", "SME", "MAKER", (PS,), ["换热器", "热交换"],
  ["微通道换热器", "铜管铝翅片换热器", "蒸发器冷凝器制造"], ["强化传热与换热器优化"],
  ["空调蒸发器", "冰箱冷凝器", "热泵换热器"], equip="自动胀管机、连续式钎焊炉", unit="万台", cap=(30, 300),
  adjacent=["nev_thermal"])
K("ha_iot", "HOME_APPLIANCES", "SME", "DESIGNER", (TR, PS, SC), ["物联科技", "智联科技"],
  ["WiFi/蓝牙双模模组", "智能家居物联网模组", "家电联网方案", "Matter协议适配"], ["物联网低功耗无线通信", "智能家居互联协议"],
  ["家电WiFi模组", "智能家居网关"], unit="万片", cap=(50, 500), adjacent=["ha_ctrl"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["物联网卡销售", "通信模组代理"], "物联网流量卡、4G模组", "代理销售运营商物联网卡及通信模组", "通信器材")])
K("ha_voice", "HOME_APPLIANCES", "SME", "DESIGNER", (TR, SC, AT), ["智能语音", "声学科技"],
  ["离线语音识别", "远场语音交互方案", "麦克风阵列降噪"], ["语音信号处理与声学建模", "鲁棒语音识别", "远场拾音与说话人识别"],
  ["离线语音识别芯片方案", "家电语音控制模组"], n=3, adjacent=["ha_iot"],
  looks=[L("DATA", "SERVICE_PROVIDER", ["语音数据采集与标注", "数据标注外包"], "语音、图像数据标注服务",
           "提供语音转写、图像标注等数据标注外包服务，标注人员300余人", "数据服务")])
K("ha_coat", "HOME_APPLIANCES", "SME", "MAKER", (PS,), ["涂装", "表面处理"],
  ["静电粉末喷涂", "预涂板喷涂加工", "金属件表面涂装"], ["涂层材料与表面工程"],
  ["家电钣金件喷涂", "冰箱门板涂装"], equip="自动粉末喷涂线3条", unit="万件", cap=(50, 400), neighbours=["plating"],
  looks=[L("EQUIPMENT", "SME", ["喷涂生产线制造", "涂装设备"], "自动喷涂线、烘道及前处理设备", "设计制造自动喷涂线与涂装前处理设备", "涂装设备")])
K("plating", "HOME_APPLIANCES", "SME", "MAKER", (PS,), ["电镀", "表面技术"], ["电镀加工", "镀锌镀镍", "滚镀挂镀"],
  ["电化学表面处理"], ["五金件镀锌", "装饰镀铬"], unit="万件", cap=(50, 400), n=2)
K("ha_foam", "HOME_APPLIANCES", "SME", "MAKER", (PS,), ["聚氨酯", "保温材料"],
  ["聚氨酯发泡", "冰箱箱体发泡", "环戊烷发泡工艺"], ["聚氨酯泡沫材料"], ["冰箱箱体及门体发泡", "冷柜保温层"],
  unit="万台", cap=(20, 200), n=1,
  looks=[L("EQUIPMENT", "SME", ["高压发泡机制造", "聚氨酯发泡设备"], "高压发泡机、发泡模架", "生产高低压聚氨酯发泡机及发泡线", "发泡设备")])
K("acoustic", "HOME_APPLIANCES", "SERVICE_PROVIDER", "LAB", (IR, QS), ["声学技术", "声学检测"],
  ["声学测试", "半消声室", "噪声振动NVH分析", "音质评价"], ["声学与振动控制", "噪声主动控制", "电声换能与音质评价"],
  ["整机噪声测试", "声品质评价服务"], n=2,
  looks=[L("EQUIPMENT", "SME", ["消声室建造", "隔声降噪工程"], "消声室、隔声罩工程", "承接消声室、隔声房及厂界降噪工程施工", "降噪工程")])

# ---- 新能源汽车 ----
K("nev_cell", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS, PR), ["锂电", "储能科技"],
  ["磷酸铁锂电芯", "方形铝壳电芯", "储能电芯"], ["锂离子电池电化学"], ["储能电芯", "动力电芯"], unit="GWh", cap=(1, 10), n=1)
K("nev_bms", "NEW_ENERGY_VEHICLES", "SME", "DESIGNER", (PS, TR), ["电源管理", "能源科技"],
  ["电池管理系统BMS", "电芯均衡与SOC估算", "储能BMS", "电池包管理主板"], ["电池状态估计与健康管理", "锂电池荷电状态估计"],
  ["乘用车BMS主从板", "储能BMS"], unit="万套", cap=(5, 80), n=4, adjacent=["nev_cell"],
  looks=[L("REPAIR", "SME", ["电池包维修", "电动车电池维保"], "电池包返修、电芯更换", "为网约车和物流车队提供动力电池包检测维修", "电池维保"),
         L("DISTRIBUTOR", "SME", ["AFE芯片代理", "电池管理芯片分销"], "AFE、隔离芯片", "分销电池采样AFE芯片、隔离通信芯片", "芯源电子")])
K("motor_foc", "NEW_ENERGY_VEHICLES", "SME", "DESIGNER", (TR, PS, AT), ["电驱科技", "电控技术"],
  ["电驱动控制软件", "永磁同步电机矢量控制", "无位置传感器FOC算法", "电机控制器软件开发"],
  ["永磁同步电机高性能控制", "电机驱动与无感控制", "电力传动与控制"], ["电机控制软件方案", "变频驱动控制算法授权"], n=4,
  adjacent=["nev_mcu", "ha_motor", "he_servo", "sw_embedded"])
K("nev_mcu", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS, TR), ["电控", "电驱动"],
  ["电机控制器总成", "SiC电控", "三合一电驱总成", "扁线电机"], ["电动汽车电驱动系统"], ["驱动电机控制器", "电驱总成"],
  unit="万套", cap=(5, 60), n=3, adjacent=["motor_foc"])
K("diecast", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS, PR), ["压铸", "精密压铸", "铝业科技"],
  ["铝合金高压压铸件", "一体化大型压铸", "真空压铸", "免热处理铝合金压铸"], ["轻合金精密成形"],
  ["电池包壳体", "电驱壳体", "一体化后地板"], equip="力劲、布勒压铸岛（2500-9000吨）", unit="万件", cap=(10, 120),
  neighbours=["inj", "forging", "he_casting"], n=4,
  looks=[L("EQUIPMENT", "SME", ["压铸机制造", "压铸岛自动化集成"], "冷室压铸机、压铸周边自动化", "研发制造冷室压铸机与压铸岛取件喷涂自动化", "压铸机械"),
         L("DISTRIBUTOR", "SME", ["铝锭贸易", "再生铝合金锭销售"], "A356、ADC12铝合金锭", "经营原铝锭及再生铝合金锭贸易", "金属贸易")])
K("forging", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS,), ["锻造", "精锻"], ["精密热模锻", "齿轮锻件", "铝合金锻造"],
  ["金属塑性成形"], ["齿轮毛坯", "控制臂锻件"], unit="万件", cap=(10, 100), neighbours=["diecast"])
K("nev_harness", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS,), ["线束", "连接技术"],
  ["高压线束总成", "高压连接器", "汽车线束加工"], ["电气连接可靠性"], ["电池包高压线束", "充电插座线束"],
  unit="万套", cap=(10, 150), n=4,
  looks=[L("EQUIPMENT", "SME", ["线束加工设备", "端子压接机"], "全自动端子压接机、剥线机", "生产线束加工用端子机、剥线机", "自动化设备")])
K("nev_thermal", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS, TR), ["热管理", "热系统"],
  ["电池液冷板", "钎焊水冷板", "热泵空调系统", "热管理集成模块"], ["电池热管理与热安全"], ["液冷板", "热泵总成"],
  unit="万套", cap=(5, 100), n=4, adjacent=["ha_hx"],
  looks=[L("REPAIR", "SME", ["汽车空调维修", "空调加氟"], "汽车空调维修", "经营汽车空调维修、加氟及散热器更换", "汽修")])
K("nev_charging", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS,), ["充电", "电力电子"],
  ["直流快充桩", "充电模块", "V2G双向充放电"], ["双向功率变换"], ["直流充电桩", "充电模块"], unit="台", cap=(500, 5000))
K("nev_adas", "NEW_ENERGY_VEHICLES", "SME", "DESIGNER", (TR, SC, PS), ["智能驾驶", "智行科技"],
  ["毫米波雷达", "多传感器融合感知", "自动泊车算法", "智能驾驶域控制器"], ["智能车辆环境感知", "多源信息融合", "车路协同"],
  ["前向毫米波雷达", "自动泊车系统"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["行车记录仪销售", "车载电子批发"], "行车记录仪、倒车影像", "批发车载电子产品及汽车用品", "车品")])
K("nev_solid", "NEW_ENERGY_VEHICLES", "SME", "DESIGNER", (TR, AT), ["固态电池", "新能源材料"],
  ["硫化物固态电解质", "氧化物固态电解质粉体", "固态电池界面改性"], ["固态离子学", "全固态锂电池界面", "无机固体电解质"],
  ["固态电解质粉体", "半固态电池"], n=2)
K("nev_cathode", "NEW_ENERGY_VEHICLES", "SME", "MAKER", (PS, AT, TR), ["正极材料", "锂能材料"],
  ["磷酸锰铁锂正极", "补锂添加剂", "高镍三元前驱体"], ["锂离子电池正极材料", "电化学储能材料"], ["磷酸锰铁锂", "补锂剂"],
  unit="吨", cap=(1000, 20000), n=2)
K("battery_recycle", "NEW_ENERGY_VEHICLES", "SME", "ESCO", (GL, PR), ["再生资源", "循环科技"],
  ["退役动力电池梯次利用", "废旧锂电池湿法回收", "电池拆解与再生"], ["废旧锂电池资源化"], ["梯次储能电池", "碳酸锂、硫酸镍"],
  n=3, looks=[L("SCRAP", "SME", ["废旧金属回收", "废品收购"], "废铜、废铝、废钢", "经营废旧金属、废纸、废塑料收购", "物资回收")])
K("svc_battery_test", "NEW_ENERGY_VEHICLES", "SERVICE_PROVIDER", "LAB", (QS, IR), ["检测", "检验技术"],
  ["动力电池安全测试", "针刺挤压热失控试验", "电池循环寿命检测", "GB38031检测"], ["电池热失控机理"],
  ["电池安全检测", "循环寿命测试"], n=3,
  looks=[L("EQUIPMENT", "SME", ["电池测试设备制造", "充放电测试仪"], "充放电测试柜、电池内阻仪", "生产电池充放电测试设备与化成分容设备", "测控设备")])
K("tal_ev", "NEW_ENERGY_VEHICLES", "SERVICE_PROVIDER", "TRAINER", (TS,), ["职业培训", "技能培训"],
  ["新能源汽车高压电工培训", "电动汽车维修技师培训", "低压电工作业证培训"], ["新能源汽车技术专业建设"],
  ["高压安全培训课程", "技师研修"], n=2,
  looks=[L("REPAIR", "SME", ["新能源汽车维修", "汽车快修保养"], "新能源汽车维修保养", "一类汽车维修企业，承接新能源汽车维修保养", "汽车服务")])

# ---- 集成电路 ----
K("ic_mcu", "INTEGRATED_CIRCUITS", "SME", "DESIGNER", (TR, PS, SC), ["微电子", "芯片科技", "半导体"],
  ["32位MCU设计", "车规级微控制器", "RISC-V内核SoC", "AEC-Q100 MCU"], ["嵌入式处理器体系结构", "低功耗SoC设计"],
  ["通用32位MCU", "车身控制MCU"], n=4, adjacent=["sw_embedded", "ic_analog"],
  looks=[L("DISTRIBUTOR", "SME", ["芯片分销", "MCU代理", "电子元器件供应链"], "MCU、存储、模拟芯片", "授权代理多个国内外芯片品牌，提供现货与FAE支持", "芯城电子"),
         L("DISTRIBUTOR", "SME", ["IC现货贸易", "芯片采购配单"], "各类IC现货", "经营进口IC现货贸易及BOM配单", "芯汇")])
K("ic_analog", "INTEGRATED_CIRCUITS", "SME", "DESIGNER", (TR, PS), ["模拟芯片", "集成电路"],
  ["电源管理芯片PMIC", "DC-DC转换器设计", "高精度ADC"], ["模拟与混合信号集成电路"], ["PMIC", "LDO", "隔离驱动"], n=2,
  adjacent=["ic_mcu"])
K("ic_mems", "INTEGRATED_CIRCUITS", "SME", "DESIGNER", (TR, SC), ["传感", "微纳科技"],
  ["MEMS压力传感器", "MEMS麦克风", "惯性传感器设计"], ["微纳传感器与MEMS工艺"], ["MEMS压力芯片", "硅麦"], n=2)
K("ic_power", "INTEGRATED_CIRCUITS", "SME", "MAKER", (PS, TR), ["功率半导体", "电力电子"],
  ["IGBT模块封装", "SiC MOSFET器件", "功率模块"], ["宽禁带功率半导体器件"], ["IGBT模块", "SiC功率模块"],
  unit="万只", cap=(10, 200))
K("ic_substrate", "INTEGRATED_CIRCUITS", "SME", "MAKER", (PS, PR), ["电路", "基板科技"],
  ["IC封装基板", "引线框架", "BT载板", "蚀刻引线框架"], ["高密度互连封装基板"], ["QFN/QFP引线框架", "BGA封装基板"],
  unit="万条", cap=(100, 2000), neighbours=["fpc"], n=3,
  looks=[L("EQUIPMENT", "SME", ["PCB钻孔设备", "电路板曝光机"], "PCB数控钻孔机、LDI曝光机", "生产PCB钻孔机与激光直接成像设备", "电子装备")])
K("fpc", "INTEGRATED_CIRCUITS", "SME", "MAKER", (PS,), ["柔性电路", "线路板"], ["柔性线路板FPC", "软硬结合板"],
  ["柔性电子"], ["手机FPC", "电池FPC采集线"], unit="万平方米", cap=(5, 60), neighbours=["ic_substrate"])
K("ic_chem", "INTEGRATED_CIRCUITS", "SME", "MAKER", (PR, PS), ["电子材料", "特种气体"],
  ["电子级高纯试剂", "电子特种气体", "CMP抛光液", "超净高纯湿化学品"], ["高纯电子化学品纯化"],
  ["电子级氢氟酸", "高纯氨", "三氟化氮"], unit="吨", cap=(500, 10000), n=3,
  looks=[L("EQUIPMENT", "SME", ["特气柜及管路工程", "高纯管道安装"], "特气柜、VMB阀门箱", "承接半导体厂务特气系统及高纯管道工程", "厂务工程"),
         L("DISTRIBUTOR", "SME", ["工业气体充装销售", "化学试剂经销"], "氧氮氩工业气体、分析纯试剂", "经销工业气体与通用化学试剂", "气体贸易")])
K("svc_ic_reliab", "INTEGRATED_CIRCUITS", "SERVICE_PROVIDER", "LAB", (QS, IR), ["检测", "可靠性技术"],
  ["芯片可靠性验证", "HTOL/HAST老化试验", "失效分析FA", "ESD/Latch-up测试"], ["微电子器件可靠性物理"],
  ["AEC-Q100认证测试", "失效分析"], n=3,
  looks=[L("EQUIPMENT", "SME", ["老化测试座制造", "探针台制造", "老化板设计"], "老化板、测试插座、探针台", "生产芯片老化板、测试插座及半自动探针台", "测试设备")])
K("ic_ate", "INTEGRATED_CIRCUITS", "SME", "LAB", (IR, QS, PS), ["测试技术", "芯测"],
  ["晶圆CP测试", "成品FT测试", "ATE测试程序开发"], ["集成电路测试方法学"], ["CP/FT测试服务", "测试方案开发"], n=3,
  looks=[L("EQUIPMENT", "SME", ["测试分选机制造", "ATE设备代理"], "重力式分选机、ATE设备", "研发测试分选机并代理ATE测试机", "精测装备")])
K("ic_eda", "INTEGRATED_CIRCUITS", "SME", "DESIGNER", (TR,), ["芯片设计", "集成电路设计"],
  ["IC后端设计服务", "版图设计", "芯片设计外包"], ["集成电路设计自动化"], ["后端设计服务"], n=2)
K("tal_ic", "INTEGRATED_CIRCUITS", "SERVICE_PROVIDER", "TRAINER", (TS,), ["教育科技", "人才发展"],
  ["集成电路工程师培训", "芯片设计实训", "数字IC验证实训营"], ["微电子科学与工程人才培养", "集成电路产教融合"],
  ["IC设计/验证实训课程"], n=2,
  looks=[L("HR", "SERVICE_PROVIDER", ["芯片人才猎头", "人力资源外包"], "中高端人才寻访", "为半导体企业提供猎头寻访与人力外包", "人力资源")])

# ---- 高端装备 ----
K("he_cnc", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS, PR), ["精密机械", "机械制造", "精工"],
  ["五轴联动精密加工", "数控车铣复合加工", "箱体类零件机加工", "缸体缸盖精加工"], ["精密与超精密加工"],
  ["发动机缸体缸盖", "变速箱壳体", "液压阀体"], equip="卧式加工中心、五轴加工中心60余台及三坐标测量机", unit="万件",
  cap=(5, 60), n=5,
  looks=[L("EQUIPMENT", "SME", ["数控机床制造", "立式加工中心", "数控车床"], "立式加工中心、数控车床", "研发制造立式加工中心及数控车床", "机床"),
         L("DISTRIBUTOR", "SME", ["数控刀具销售", "刀具代理"], "硬质合金刀片、铣刀", "代理山特维克、株洲钻石等品牌刀具", "刀具")])
K("he_casting", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS, PR), ["铸造", "铸业"],
  ["球墨铸铁件", "树脂砂铸造", "消失模铸造", "灰铁铸件"], ["铸造凝固与组织控制"],
  ["发动机缸体毛坯", "工程机械配重", "阀体铸件"], equip="中频感应电炉、静压造型线", unit="吨", cap=(5000, 60000), n=4,
  neighbours=["diecast", "forging"],
  looks=[L("DISTRIBUTOR", "SME", ["铸造原辅料贸易", "生铁销售"], "生铁、增碳剂、孕育剂", "经营铸造用生铁、增碳剂、球化剂等原辅料", "炉料")])
K("he_hydraulic", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS, TR), ["液压", "液压科技"],
  ["工程油缸", "液压缸", "多路阀", "液压阀组"], ["流体传动与控制", "电液伺服控制"], ["挖掘机油缸", "装载机多路阀"],
  unit="万支", cap=(2, 40), n=4,
  looks=[L("REPAIR", "SME", ["液压件维修", "油缸修理"], "油缸维修、液压泵维修", "承接工程机械液压油缸、泵阀维修", "液压维修"),
         L("DISTRIBUTOR", "SME", ["液压件代理", "液压密封件销售"], "力士乐、派克液压件", "代理进口液压泵阀及密封件", "流体")])
K("he_welding", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS,), ["重工", "钢结构", "机械"],
  ["结构件焊接", "机器人自动焊接加工", "厚板焊接", "激光-电弧复合焊"], ["先进焊接与连接"],
  ["挖掘机动臂斗杆", "起重机结构件"], equip="焊接机器人工作站40套", unit="吨", cap=(3000, 30000), n=4,
  looks=[L("DISTRIBUTOR", "SME", ["焊材销售", "焊丝焊条批发"], "实心焊丝、药芯焊丝", "批发各品牌焊丝、焊条及焊接辅材", "焊材"),
         L("TRAINER", "SERVICE_PROVIDER", ["焊工培训", "特种作业焊工取证"], "焊工取证培训", "开展焊工技能培训与特种作业取证", "职业培训"),
         L("EQUIPMENT", "SME", ["焊接机器人工作站制造", "焊接变位机"], "弧焊机器人工作站", "设计制造焊接机器人工作站及变位机", "智能装备")])
K("he_reducer", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS, TR), ["传动", "精密传动"],
  ["RV减速器", "谐波减速器", "精密行星减速机"], ["精密传动与机器人关节", "少齿差行星传动"], ["机器人关节减速器"],
  unit="万台", cap=(1, 20), n=3)
K("he_servo", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS,), ["自动化", "伺服技术"], ["伺服电机及驱动器", "运动控制器"],
  ["运动控制"], ["交流伺服系统"], unit="万套", cap=(2, 30), adjacent=["motor_foc"])
K("he_bearing", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS,), ["轴承"], ["精密轴承", "风电主轴轴承", "圆锥滚子轴承"],
  ["滚动轴承设计"], ["轴承"], unit="万套", cap=(10, 300))
K("he_heat", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS,), ["热处理"], ["真空热处理", "渗碳淬火", "感应淬火"],
  ["金属热处理"], ["齿轮渗碳处理"], unit="吨", cap=(2000, 20000), n=1)
K("he_auto_line", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PS, DE), ["智能装备", "自动化科技"],
  ["非标自动化设备", "自动化装配线", "机器人系统集成"], ["智能制造装备集成"], ["装配线", "检测线"], unit="条", cap=(10, 80))
K("pump_valve", "HIGH_END_EQUIPMENT", "SME", "MAKER", (PR, PS), ["泵业", "阀门"],
  ["化工流程泵", "耐腐蚀衬氟阀门", "磁力驱动泵", "机械密封"], ["流体机械"], ["衬氟球阀", "磁力泵"], unit="台", cap=(2000, 20000),
  n=3, looks=[L("REPAIR", "SME", ["泵阀维修", "机泵检修"], "泵阀检修", "承接化工企业机泵检修与阀门维修", "检修"),
              L("DISTRIBUTOR", "SME", ["阀门批发", "管件阀门经销"], "阀门管件", "批发各类闸阀、截止阀及管件", "管阀")])
K("svc_calibration", "HIGH_END_EQUIPMENT", "SERVICE_PROVIDER", "LAB", (QS,), ["计量", "检测"],
  ["计量校准", "量具检定", "三坐标校准", "CNAS校准"], ["精密测量与计量"], ["长度、力学、热学计量校准"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["量具量仪销售", "测量仪器代理"], "卡尺、千分尺、三坐标", "代理三丰等品牌量具量仪", "量仪")])
K("irs_fatigue", "HIGH_END_EQUIPMENT", "SERVICE_PROVIDER", "LAB", (IR, QS), ["试验技术", "检测"],
  ["结构疲劳试验", "台架耐久试验", "振动试验"], ["结构强度与疲劳可靠性", "工程机械结构寿命评估"], ["疲劳试验服务"], n=2,
  looks=[L("EQUIPMENT", "SME", ["疲劳试验机制造", "电液伺服试验机"], "电液伺服疲劳试验机", "研发制造电液伺服疲劳试验机及万能试验机", "试验机")])
K("tal_skills", "HIGH_END_EQUIPMENT", "SERVICE_PROVIDER", "TRAINER", (TS,), ["职业技能", "培训"],
  ["数控加工技能培训", "工业机器人运维培训", "职业技能等级认定", "电工钳工实训"], ["智能制造专业群产教融合", "现代学徒制"],
  ["技能培训课程", "技能等级认定"], n=3,
  looks=[L("HR", "SERVICE_PROVIDER", ["劳务派遣", "人力资源外包", "普工招聘"], "劳务派遣、岗位外包", "提供劳务派遣、生产线岗位外包与招聘", "人力")])
K("green_voc", "HIGH_END_EQUIPMENT", "SME", "ESCO", (GL,), ["环保", "环境工程"],
  ["VOCs废气治理", "RTO蓄热式焚烧", "活性炭吸附脱附", "沸石转轮浓缩"], ["大气污染控制工程", "挥发性有机物催化燃烧"],
  ["RTO焚烧装置", "废气治理工程"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["活性炭销售", "环保耗材"], "蜂窝活性炭、过滤棉", "销售蜂窝活性炭等环保耗材", "环保物资"),
         L("CONSULT", "SERVICE_PROVIDER", ["环评咨询", "排污许可申报"], "环评报告编制", "提供建设项目环评及排污许可申报咨询", "环境咨询")])

# ---- 新材料 ----
K("nm_fluoro", "NEW_MATERIALS", "SME", "MAKER", (PS, TR, PR), ["氟材料", "氟化工"],
  ["PVDF树脂", "PTFE分散树脂", "含氟精细化学品", "全氟磺酸膜"], ["有机氟化学", "含氟功能高分子"],
  ["锂电级PVDF", "PTFE分散乳液"], unit="吨", cap=(1000, 20000), n=3)
K("nm_modplastic", "NEW_MATERIALS", "SME", "MAKER", (PR, PS), ["高分子", "塑料科技", "新材料"],
  ["改性工程塑料", "阻燃PP/ABS", "玻纤增强PA", "改性塑料造粒"], ["聚合物共混改性", "高分子阻燃"],
  ["阻燃ABS粒子", "长玻纤增强PP"], equip="双螺杆挤出造粒线20条", unit="吨", cap=(5000, 80000), n=4,
  adjacent=["inj"],
  looks=[L("EQUIPMENT", "SME", ["双螺杆挤出机制造", "造粒机组"], "同向双螺杆挤出机", "制造同向双螺杆挤出造粒机组", "挤出机械"),
         L("DISTRIBUTOR", "SME", ["塑料原料贸易", "通用塑料代理"], "PP、ABS、PC通用料", "经销石化通用塑料原料", "塑化")])
K("nm_ceramic", "NEW_MATERIALS", "SME", "MAKER", (AT, TR, PS), ["精密陶瓷", "特种陶瓷"],
  ["氮化硅陶瓷球", "氧化锆结构陶瓷", "陶瓷注射成型"], ["先进结构陶瓷", "陶瓷烧结与致密化"], ["轴承陶瓷球", "陶瓷基板"],
  unit="万粒", cap=(100, 2000), n=3, neighbours=["daily_ceramic"])
K("daily_ceramic", "NEW_MATERIALS", "SME", "MAKER", (PS, CB), ["陶瓷", "瓷业"], ["日用陶瓷", "建筑瓷砖", "艺术陶瓷"],
  ["陶瓷工艺"], ["日用瓷", "瓷砖"], unit="万件", cap=(100, 1000), n=2)
K("nm_cf", "NEW_MATERIALS", "SME", "MAKER", (PS, SC, TR), ["复合材料", "碳纤维"],
  ["碳纤维预浸料", "热压罐成型复合材料", "碳纤维缠绕", "RTM成型"], ["树脂基复合材料", "复合材料结构设计"],
  ["碳纤维构件", "预浸料"], unit="吨", cap=(50, 1000), n=3,
  looks=[L("DISTRIBUTOR", "SME", ["碳纤维布销售", "碳纤维加固施工"], "加固用碳纤维布", "销售碳纤维布并承接建筑加固施工", "建材")])
K("nm_silicone", "NEW_MATERIALS", "SME", "MAKER", (PS,), ["有机硅", "硅材料"], ["液体硅橡胶", "有机硅密封胶", "硅烷偶联剂"],
  ["有机硅化学"], ["硅橡胶", "密封胶"], unit="吨", cap=(1000, 10000))
K("nm_magnet", "NEW_MATERIALS", "SME", "MAKER", (PS,), ["磁业", "磁材"], ["烧结钕铁硼", "晶界扩散磁体", "粘结磁体"],
  ["稀土永磁材料"], ["电机磁钢"], unit="吨", cap=(300, 5000))
K("nm_separator", "NEW_MATERIALS", "SME", "MAKER", (PS,), ["膜材料", "隔膜"], ["湿法锂电隔膜", "陶瓷涂覆隔膜"],
  ["多孔高分子膜"], ["锂电隔膜"], unit="亿平方米", cap=(1, 10), n=1)
K("nm_coating", "NEW_MATERIALS", "SME", "MAKER", (PS, PR), ["涂料", "化工"], ["重防腐涂料", "水性工业涂料", "粉末涂料生产"],
  ["功能涂层材料"], ["防腐涂料", "水性漆"], unit="吨", cap=(2000, 30000), adjacent=["mar_anticorr"])
K("nm_finechem", "NEW_MATERIALS", "SME", "MAKER", (PS, TR), ["精细化工", "化学"],
  ["液晶单体中间体", "OLED材料定制合成", "医药中间体定制", "千吨级精细化学品合成"], ["有机合成与精细化工", "有机光电材料"],
  ["液晶中间体", "OLED升华前材料"], unit="吨", cap=(50, 2000), n=4)
K("irs_character", "NEW_MATERIALS", "SERVICE_PROVIDER", "LAB", (IR, QS), ["分析测试", "检测"],
  ["XRD/SEM材料表征", "热分析DSC/TGA", "材料分析测试平台", "大型仪器共享"], ["材料微观结构表征", "谱学与显微分析"],
  ["材料表征测试"], n=2, adjacent=["svc_material_test"],
  looks=[L("DISTRIBUTOR", "SME", ["分析仪器代理销售", "实验室设备"], "电镜、光谱仪、实验室家具", "代理进口分析仪器及实验室设备", "仪器")])
K("svc_material_test", "NEW_MATERIALS", "SERVICE_PROVIDER", "LAB", (QS,), ["检测", "质检"],
  ["金属材料力学性能检测", "化学成分分析", "CNAS材料检测", "高分子材料老化测试"], ["材料性能评价"], ["材料检测报告"], n=3,
  adjacent=["irs_character"],
  looks=[L("EQUIPMENT", "SME", ["万能试验机制造", "冲击试验机"], "万能试验机", "生产电子万能试验机与冲击试验机", "试验仪器")])
K("green_carbon", "NEW_MATERIALS", "SERVICE_PROVIDER", "ESCO", (GL,), ["碳资产", "低碳科技", "环境咨询"],
  ["碳排放核查", "组织碳盘查", "产品碳足迹核算", "ISO14064核查"], ["碳排放核算方法学", "生命周期评价LCA"],
  ["碳盘查报告", "碳足迹认证"], n=3,
  looks=[L("BROKER", "SERVICE_PROVIDER", ["碳资产交易经纪", "CCER开发代理"], "碳配额交易经纪", "提供碳配额与CCER交易经纪服务", "碳资产经纪")])
K("green_wastewater", "NEW_MATERIALS", "SME", "ESCO", (GL,), ["水处理", "环境科技", "水务"],
  ["工业废水处理工程", "高盐废水零排放", "MBR中水回用", "印染废水深度处理"], ["水污染控制工程", "膜分离水处理"],
  ["废水处理站EPC", "零排放装置"], n=4,
  looks=[L("DISTRIBUTOR", "SME", ["水处理药剂销售", "净水器销售"], "PAC、PAM药剂、家用净水器", "销售水处理药剂与家用净水设备", "净水")])
K("green_pv", "NEW_MATERIALS", "SME", "ESCO", (GL,), ["新能源", "光伏科技", "绿能"],
  ["分布式光伏EPC", "工商业屋顶光伏", "光伏电站运维", "合同能源管理"], ["光伏发电系统优化"], ["屋顶光伏电站"], n=4,
  adjacent=["green_ems"],
  looks=[L("DISTRIBUTOR", "SME", ["光伏组件批发", "太阳能热水器销售"], "光伏组件、逆变器、太阳能热水器", "批发光伏组件并销售太阳能热水器", "太阳能")])
K("green_ems", "SOFTWARE_IT", "SME", "SOFTWARE", (GL, DE), ["能源科技", "智慧能源"],
  ["能源管理系统EMS", "能耗在线监测", "智慧能源管控平台"], ["综合能源系统优化调度"], ["能源管控平台"], n=2,
  adjacent=["green_pv"])
K("green_heat", "FOOD_PROCESSING", "SME", "ESCO", (GL,), ["节能", "热能"],
  ["余热回收", "工业热泵", "蒸汽系统节能改造", "沼气综合利用"], ["工程热物理与余热利用"], ["余热回收装置", "热泵机组"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["锅炉销售", "燃气锅炉代理"], "燃气锅炉", "代理销售燃气蒸汽锅炉", "锅炉")])

# ---- 生物医药 ----
K("bio_medmould", "BIOMEDICINE", "SME", "MAKER", (PS,), ["医疗器械", "医用塑料"],
  ["医用耗材注塑", "十万级洁净车间注塑", "医用导管挤出", "一次性输注器械组件"], ["医用高分子材料"],
  ["注射器组件", "输液器组件", "采血管"], equip="十万级洁净车间与全电动注塑机", unit="万件", cap=(100, 3000), n=4,
  adjacent=["inj"])
K("bio_flowchem", "BIOMEDICINE", "SME", "DESIGNER", (TR, AT), ["医药科技", "药物研发"],
  ["连续流微通道反应", "原料药工艺开发", "工艺放大与验证", "手性合成"], ["连续流化学与过程强化", "药物合成工艺学"],
  ["工艺开发服务"], n=3,
  looks=[L("EQUIPMENT", "SME", ["微通道反应器制造", "化工反应釜"], "微通道反应器、搪瓷反应釜", "制造微通道反应器及搪瓷反应釜", "化工装备")])
K("bio_antibody", "BIOMEDICINE", "SME", "DESIGNER", (TR, AT, SC), ["生物", "生物技术"],
  ["单克隆抗体开发", "ADC偶联技术", "双特异性抗体", "细胞株构建"], ["抗体工程", "靶向药物递送"], ["抗体候选分子"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["生物试剂代理", "科研试剂销售"], "抗体试剂、耗材", "代理销售科研用抗体、试剂及实验耗材", "生化试剂")])
K("bio_ivd", "BIOMEDICINE", "SME", "MAKER", (PS, TR, SC), ["生物", "诊断"],
  ["化学发光免疫诊断试剂", "POCT快速检测", "分子诊断试剂盒"], ["体外诊断与生物传感"], ["化学发光试剂", "POCT卡"],
  unit="万人份", cap=(100, 3000), n=3)
K("bio_cmo", "BIOMEDICINE", "SME", "MAKER", (PS, SC), ["药业", "制药"], ["制剂CDMO", "冻干粉针委托生产", "固体制剂代工"],
  ["药物制剂"], ["冻干粉针", "片剂"], unit="万支", cap=(100, 3000), n=2)
K("bio_tcm", "BIOMEDICINE", "SME", "MAKER", (PS, PR), ["中药", "药业"], ["中药提取物", "中药配方颗粒", "植物提取"],
  ["中药化学"], ["中药提取物"], unit="吨", cap=(100, 3000), n=2)
K("svc_biocompat", "BIOMEDICINE", "SERVICE_PROVIDER", "LAB", (QS,), ["检测", "医疗器械检验"],
  ["医疗器械生物学评价", "细胞毒性/致敏试验", "GLP生物相容性检测", "ISO10993测试"], ["生物材料安全性评价"],
  ["生物学评价报告"], n=3,
  looks=[L("CONSULT", "SERVICE_PROVIDER", ["医疗器械注册代理", "注册申报咨询"], "二类三类器械注册申报", "代理医疗器械产品注册申报与体系辅导", "医药咨询")])
K("pharma_dm", "BIOMEDICINE", "SERVICE_PROVIDER", "SOFTWARE", (DE,), ["医药信息", "数字科技"],
  ["制药MES/eBR电子批记录", "GMP数据完整性", "计算机化系统验证CSV", "LIMS实验室信息管理"], ["制药过程数字化"],
  ["电子批记录系统", "LIMS"], n=3, adjacent=["sw_mes"],
  looks=[L("CONSULT", "SERVICE_PROVIDER", ["GMP认证咨询", "药品注册咨询"], "GMP符合性咨询", "提供药企GMP符合性审计与认证辅导", "医药咨询")])
K("tal_gmp", "BIOMEDICINE", "SERVICE_PROVIDER", "TRAINER", (TS,), ["培训", "教育"],
  ["GMP培训", "药品生产质量管理培训", "无菌操作实训"], ["制药工程人才培养"], ["GMP实训课程"], n=2)
K("pharma_cold", "BIOMEDICINE", "SERVICE_PROVIDER", "LOGISTICS", (PR, CB), ["医药物流", "冷链"],
  ["医药冷链运输", "GSP冷藏配送", "2-8℃温控物流"], ["冷链温控技术"], ["医药冷链配送"], n=3,
  looks=[L("EQUIPMENT", "SME", ["冷藏车改装", "冷库建设"], "冷藏车、冷库工程", "专业改装冷藏车并承建冷库工程", "冷链装备")])
K("cb_cert", "BIOMEDICINE", "SERVICE_PROVIDER", "CONSULT", (CB, QS), ["认证咨询", "国际认证"],
  ["CE认证辅导", "FDA 510(k)注册", "欧盟MDR技术文件", "UL认证代理"], ["医疗器械法规科学"], ["出口认证服务"], n=3,
  looks=[L("TRAINER", "SERVICE_PROVIDER", ["外贸业务员培训", "跨境电商培训"], "外贸实务课程", "开展外贸业务员与跨境电商从业培训", "外贸培训")])

# ---- 现代海洋 ----
K("mar_bio", "MARINE_ECONOMY", "SME", "MAKER", (TR, PS, AT, CB), ["海洋生物", "海藻", "海洋科技"],
  ["褐藻胶", "海藻酸钠", "岩藻多糖", "壳聚糖", "鱼胶原蛋白肽"], ["海洋糖生物学", "海洋天然产物化学", "海洋寡糖制备"],
  ["海藻酸钠", "岩藻多糖", "胶原蛋白肽"], unit="吨", cap=(100, 5000), n=4,
  looks=[L("DISTRIBUTOR", "SME", ["海产品批发", "海带干货销售"], "海带、紫菜干货", "批发海带、紫菜等海产干货", "海产")])
K("mar_aqua_equip", "MARINE_ECONOMY", "SME", "MAKER", (PS, TR), ["海洋装备", "渔业装备"],
  ["深海网箱", "养殖工船", "重力式网箱", "半潜式养殖平台"], ["海洋渔业工程", "深远海养殖设施"], ["HDPE深海网箱"],
  unit="套", cap=(20, 300), n=4,
  looks=[L("DISTRIBUTOR", "SME", ["渔具渔网销售", "养殖物资"], "渔网、浮球、饲料", "经营渔具渔网与养殖物资", "渔需"),
         L("FARMER", "SME", ["海参养殖", "鲍鱼养殖"], "海参、鲍鱼", "从事海参、鲍鱼池塘与筏式养殖", "水产养殖")])
K("mar_anticorr", "MARINE_ECONOMY", "SME", "MAKER", (PS, QS), ["防腐", "防护工程"],
  ["海工防腐涂装", "牺牲阳极阴极保护", "热喷锌铝防腐", "重防腐施工"], ["海洋腐蚀与防护", "阴极保护"],
  ["风电导管架防腐", "码头钢桩阴极保护"], unit="万平方米", cap=(5, 60), n=4, neighbours=["plating", "ha_coat"],
  adjacent=["nm_coating"])
K("mar_observ", "MARINE_ECONOMY", "SME", "DESIGNER", (TR, AT, PS), ["海洋仪器", "海洋技术"],
  ["海洋浮标", "温盐深CTD剖面仪", "水下机器人ROV", "海洋传感器"], ["海洋观测技术", "水下探测与声学", "海洋立体观测网"],
  ["波浪浮标", "CTD剖面仪"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["进口海洋仪器代理", "仪器租赁"], "进口ADCP、CTD", "代理进口海洋调查仪器并提供租赁", "海洋仪器贸易")])
K("mar_ship", "MARINE_ECONOMY", "SME", "MAKER", (PS,), ["船舶", "船用设备"], ["船用阀门", "甲板机械", "船舶舾装件"],
  ["船舶配套"], ["船用锚绞机"], unit="台", cap=(100, 2000), n=2)
K("irs_ocean", "MARINE_ECONOMY", "SERVICE_PROVIDER", "LAB", (IR,), ["海洋试验", "海洋技术"],
  ["海上试验场", "拖曳水池试验", "波浪水槽试验", "实海况测试"], ["船舶与海洋工程水动力", "海洋工程模型试验"], ["试验服务"], n=2,
  looks=[L("EQUIPMENT", "SME", ["造波机制造", "水槽设备"], "推板式造波机", "生产造波机与实验水槽", "流体设备")])
K("mar_seafood", "MARINE_ECONOMY", "SME", "MAKER", (PS, CB), ["水产", "食品"], ["海参精深加工", "冷冻调理水产品", "鱼糜制品"],
  ["水产品加工与贮藏"], ["即食海参", "调理鱼排"], unit="吨", cap=(500, 10000), n=2)

# ---- 纺织服装 ----
K("tx_garment", "TEXTILES_APPAREL", "SME", "MAKER", (PS, CB), ["服饰", "制衣", "针织"],
  ["针织服装加工", "服装OEM/ODM", "T恤卫衣生产", "运动服贴牌加工"], ["服装工程"],
  ["针织T恤", "运动卫衣", "童装"], equip="缝制流水线40条、智能吊挂系统", unit="万件", cap=(30, 800), n=5,
  looks=[L("DISTRIBUTOR", "SME", ["服装批发", "尾货收购"], "服装批发、库存尾货", "经营服装批发及品牌库存尾货收购", "服装商贸"),
         L("EQUIPMENT", "SME", ["工业缝纫机销售", "缝纫设备维修"], "工业平缝机、包缝机", "销售并维修工业缝纫机", "缝纫设备")])
K("tx_dyeing", "TEXTILES_APPAREL", "SME", "MAKER", (PS, GL), ["印染", "染整"], ["活性染料印染", "数码印花", "冷轧堆染色"],
  ["染整工程"], ["棉布印染", "数码印花面料"], unit="万米", cap=(1000, 10000), n=3)
K("tx_func", "TEXTILES_APPAREL", "SME", "DESIGNER", (TR, PS), ["纺织科技", "功能面料"],
  ["吸湿速干面料", "凉感纤维面料", "抗菌防螨整理", "石墨烯改性纤维"], ["功能纺织材料", "纺织品功能整理"],
  ["凉感面料", "抗菌面料"], n=4)
K("tx_fiber", "TEXTILES_APPAREL", "SME", "MAKER", (PR, PS), ["化纤", "纤维"], ["再生涤纶短纤", "莱赛尔纤维", "原液着色纤维"],
  ["纤维材料成形"], ["再生涤纶", "莱赛尔短纤"], unit="吨", cap=(5000, 100000), n=3,
  looks=[L("DISTRIBUTOR", "SME", ["纱线贸易", "化纤原料经销"], "涤纶、棉纱", "经营纱线与化纤原料贸易", "纺织贸易")])
K("tx_spinning", "TEXTILES_APPAREL", "SME", "MAKER", (PS,), ["棉纺", "纺织"], ["紧密纺纱线", "涡流纺", "气流纺"],
  ["纺纱工程"], ["紧密纺棉纱"], unit="吨", cap=(5000, 50000))
K("tx_home", "TEXTILES_APPAREL", "SME", "MAKER", (PS, CB), ["家纺"], ["毛巾浴巾", "床上用品", "家纺面料"],
  ["家用纺织品设计"], ["毛巾", "四件套"], unit="万条", cap=(100, 3000))
K("svc_textile_test", "TEXTILES_APPAREL", "SERVICE_PROVIDER", "LAB", (QS,), ["检测", "纺织检验"],
  ["纺织品检测", "色牢度检测", "甲醛/pH检测", "生态纺织品检测"], ["纺织品性能测试"], ["纺织品检测报告"], n=3,
  looks=[L("CONSULT", "SERVICE_PROVIDER", ["验厂咨询", "BSCI验厂辅导"], "验厂辅导", "为出口工厂提供BSCI、WRAP验厂辅导", "管理咨询")])
K("tal_fashion", "TEXTILES_APPAREL", "SERVICE_PROVIDER", "TRAINER", (TS,), ["培训", "教育"],
  ["服装制版师培训", "服装设计人才培养", "立体裁剪实训"], ["服装与服饰设计", "服装结构设计"], ["制版培训"], n=2)
K("cb_ecom", "TEXTILES_APPAREL", "SERVICE_PROVIDER", "TRADE", (CB,), ["跨境电商", "国际贸易"],
  ["跨境电商代运营", "亚马逊店铺运营", "TikTok Shop运营", "独立站建设"], ["跨境电子商务"], ["跨境店铺代运营"], n=4,
  looks=[L("ECOM_DOM", "SERVICE_PROVIDER", ["天猫代运营", "淘宝店铺装修", "直播带货"], "国内电商代运营", "为品牌提供天猫、抖音店铺代运营与直播带货", "电商服务")])

# ---- 食品加工 ----
K("fd_packaging", "FOOD_PROCESSING", "SME", "MAKER", (PS, PR), ["包装", "包装材料"],
  ["食品级复合软包装", "高温蒸煮袋", "真空包装袋", "高阻隔包装膜"], ["包装材料与阻隔技术"], ["蒸煮袋", "真空袋", "卷膜"],
  equip="十色凹版印刷机、无溶剂复合机", unit="吨", cap=(500, 8000), n=5,
  looks=[L("EQUIPMENT", "SME", ["包装机械制造", "真空包装机"], "真空包装机、给袋式包装机", "制造食品包装机械", "包装机械")])
K("fd_cold", "FOOD_PROCESSING", "SERVICE_PROVIDER", "LOGISTICS", (PR,), ["冷链物流", "物流"],
  ["冷链运输", "冷藏车干线运输", "冷库仓储", "城市冷链配送"], ["冷链物流管理"], ["冷链干线与城配"], n=4,
  looks=[L("LOGISTICS_DRY", "SERVICE_PROVIDER", ["普货物流", "快递揽收", "零担运输"], "普货零担运输", "经营普货零担与快递揽收", "物流"),
         L("EQUIPMENT", "SME", ["冷库工程安装", "制冷设备"], "冷库、制冷机组", "承建冷库及安装制冷机组", "制冷工程")])
K("svc_food_test", "FOOD_PROCESSING", "SERVICE_PROVIDER", "LAB", (QS,), ["检测", "食品检验"],
  ["农残检测", "真菌毒素检测", "食品微生物检测", "CMA食品检测"], ["食品安全检测技术", "真菌毒素分析"], ["检测报告"], n=3,
  looks=[L("EQUIPMENT", "SME", ["快检仪器制造", "农残速测卡"], "农残速测仪、胶体金试纸", "生产食品快检仪器与速测卡", "快检")])
K("fd_byproduct", "FOOD_PROCESSING", "SME", "DESIGNER", (TR, AT), ["生物科技", "食品科技"],
  ["花生蛋白提取", "植物蛋白改性", "花生红衣多酚提取", "副产物高值化利用"], ["食品生物技术", "植物蛋白功能特性", "农产品加工副产物综合利用"],
  ["花生蛋白粉", "原花青素"], n=2)
K("fd_prepared", "FOOD_PROCESSING", "SME", "MAKER", (PS, SC), ["食品", "餐饮科技"], ["预制菜研发", "中央厨房", "即热即烹菜肴"],
  ["食品工艺学"], ["预制菜肴"], unit="吨", cap=(500, 10000), n=3)
K("fd_meat", "FOOD_PROCESSING", "SME", "MAKER", (PS,), ["肉制品", "食品"], ["低温肉制品", "调理肉制品"], ["肉品科学"],
  ["火腿肠", "调理肉串"], unit="吨", cap=(1000, 20000))
K("fd_sugar", "FOOD_PROCESSING", "SME", "MAKER", (PS, PR), ["生物", "糖业"], ["低聚糖", "功能糖醇", "益生元"],
  ["功能糖生物制造"], ["低聚果糖", "赤藓糖醇"], unit="吨", cap=(2000, 30000))
K("trace", "SOFTWARE_IT", "SME", "SOFTWARE", (DE,), ["信息技术", "数码科技"],
  ["食品质量追溯系统", "一物一码", "区块链溯源"], ["供应链溯源"], ["追溯平台"], n=3,
  looks=[L("PRINTER", "SME", ["二维码标签印刷", "不干胶标签"], "不干胶标签、防伪标签", "印刷不干胶及二维码防伪标签", "印务")])
K("cb_market", "FOOD_PROCESSING", "SERVICE_PROVIDER", "TRADE", (CB,), ["国际贸易", "外贸服务"],
  ["海外渠道开拓", "东南亚经销网络", "外贸综合服务", "海外展会代理"], ["国际市场营销"], ["出口代理"], n=3)
K("cb_owh", "FOOD_PROCESSING", "SERVICE_PROVIDER", "LOGISTICS", (CB,), ["国际物流", "供应链"],
  ["海外仓", "欧洲仓储配送", "FBA头程物流", "一件代发"], ["跨境物流"], ["海外仓储"], n=3,
  looks=[L("LOGISTICS_DRY", "SERVICE_PROVIDER", ["国内仓储配送", "同城配送"], "国内仓配", "提供国内电商仓配一体与同城配送", "仓配")])
K("cb_forwarder", "FOOD_PROCESSING", "SERVICE_PROVIDER", "LOGISTICS", (CB,), ["国际货运", "船务"],
  ["国际货运代理", "海运订舱", "中欧班列"], ["国际物流"], ["订舱"], n=3)
K("cb_customs", "FOOD_PROCESSING", "SERVICE_PROVIDER", "TRADE", (CB,), ["报关", "供应链管理"],
  ["报关报检", "保税物流", "AEO认证辅导"], ["海关监管"], ["报关"], n=3)

# ---- 软件和信息技术服务 ----
K("sw_mes", "SOFTWARE_IT", "SME", "SOFTWARE", (DE, TR), ["软件", "信息技术", "智造科技"],
  ["制造执行系统MES", "车间数字化", "生产过程管理系统", "注塑车间联网"], ["制造系统信息化"], ["MES系统"], n=5,
  adjacent=["sw_iiot", "sw_aps"],
  looks=[L("DISTRIBUTOR", "SME", ["正版软件代理", "办公软件销售"], "正版软件授权", "代理销售办公与设计类正版软件", "软件商贸")])
K("sw_iiot", "SOFTWARE_IT", "SME", "SOFTWARE", (DE,), ["工业互联", "物联网"],
  ["设备联网与数据采集", "工业互联网平台", "边缘计算网关"], ["工业物联网"], ["数采网关", "工业互联网平台软件"], n=4, adjacent=["sw_mes"],
  looks=[L("DISTRIBUTOR", "SME", ["网络设备销售", "弱电工程"], "交换机、综合布线", "销售网络设备并承接弱电工程", "网络")])
K("sw_vision", "SOFTWARE_IT", "SME", "SOFTWARE", (DE, TR), ["视觉", "智能科技"],
  ["AI视觉缺陷检测", "机器视觉检测系统", "AOI光学检测", "深度学习外观检测"], ["计算机视觉与图像识别", "工业缺陷检测"],
  ["视觉检测设备"], n=4,
  looks=[L("DISTRIBUTOR", "SME", ["工业相机代理", "镜头光源销售"], "工业相机、镜头、光源", "代理工业相机、镜头与光源", "光电"),
         L("INSTALL", "SME", ["安防监控工程", "视频监控安装"], "监控系统", "承接安防视频监控工程", "安防")])
K("sw_erp", "SOFTWARE_IT", "SME", "SOFTWARE", (DE,), ["软件"], ["ERP实施", "SRM供应商协同", "财务业务一体化"],
  ["企业信息系统"], ["ERP"], n=2)
K("sw_aps", "SOFTWARE_IT", "SME", "SOFTWARE", (DE,), ["智能科技", "软件"], ["APS高级排产", "智能排程优化", "生产计划协同"],
  ["生产调度优化"], ["APS"], n=3, adjacent=["sw_mes"])
K("sw_embedded", "SOFTWARE_IT", "SME", "SOFTWARE", (TR,), ["嵌入式", "软件"], ["嵌入式Linux开发", "RTOS驱动开发", "固件开发"],
  ["嵌入式系统"], ["固件外包"], n=2, adjacent=["ic_mcu", "motor_foc"])
K("sw_security", "SOFTWARE_IT", "SME", "SOFTWARE", (TR, AT, DE), ["信息安全", "数据科技"],
  ["隐私计算", "联邦学习平台", "数据脱敏与加密", "多方安全计算"], ["密码学与数据安全", "隐私保护计算"], ["隐私计算平台"], n=3,
  looks=[L("DISTRIBUTOR", "SME", ["防火墙代理销售", "杀毒软件销售"], "防火墙、终端杀毒", "代理销售网络安全硬件与杀毒软件", "网安")])
K("sw_pdm", "SOFTWARE_IT", "SME", "SOFTWARE", (TR, AT, DE), ["智能运维", "工业智能"],
  ["设备故障预测与健康管理PHM", "振动监测与故障诊断", "预测性维护平台", "工业大模型"], ["机械故障诊断", "设备健康管理与剩余寿命预测"],
  ["PHM系统"], n=4,
  looks=[L("REPAIR", "SME", ["设备维修保养", "工程机械维修"], "工程机械维修", "承接挖掘机、装载机等工程机械维修保养", "工程机械服务")])
K("sw_twin", "SOFTWARE_IT", "SME", "SOFTWARE", (DE, TR), ["数字科技", "仿真"], ["数字孪生建模", "三维可视化仿真", "产线虚拟调试"],
  ["数字孪生与智能制造"], ["数字孪生平台"], n=3,
  looks=[L("MEDIA", "SME", ["三维动画制作", "效果图设计"], "三维宣传动画", "制作企业宣传片与三维动画", "文化传媒")])
K("svc_sw_test", "SOFTWARE_IT", "SERVICE_PROVIDER", "LAB", (QS,), ["测评", "检测"],
  ["软件测评", "等保测评", "软件产品登记测试", "CNAS软件检测"], ["软件质量保证"], ["测评报告"], n=3,
  looks=[L("TRAINER", "SERVICE_PROVIDER", ["软件测试培训", "IT职业培训"], "软件测试课程", "开展软件测试工程师就业培训", "IT教育")])
K("computing", "SOFTWARE_IT", "SERVICE_PROVIDER", "LAB", (IR,), ["算力", "云计算"],
  ["智算中心", "GPU算力租赁", "高性能计算服务"], ["高性能计算", "并行与分布式计算"], ["算力服务"], n=2,
  looks=[L("DISTRIBUTOR", "SME", ["服务器销售", "IT设备回收"], "服务器、二手IT设备", "销售服务器并回收二手IT设备", "IT商贸")])
K("tal_digital", "SOFTWARE_IT", "SERVICE_PROVIDER", "TRAINER", (TS,), ["教育", "数字人才"],
  ["数字化转型人才培训", "工业互联网工程师培训", "数据分析实训"], ["工业互联网人才培养"], ["培训课程"], n=2,
  looks=[L("HR", "SERVICE_PROVIDER", ["IT外包驻场", "软件人力外包"], "IT人员驻场外包", "提供IT人员驻场外包", "人力外包")])

# ---- 金融 ----
for _cid, _tags, _at in [
    ("fin_ar", ["应收账款保理", "供应链保理", "反向保理", "应收账款融资"], "应收账款类"),
    ("fin_bill", ["供应链票据", "商业承兑汇票贴现", "票据池"], "票据类"),
    ("fin_order", ["订单融资", "采购融资", "预付款融资"], "订单类"),
    ("fin_inventory", ["存货质押", "仓单质押融资", "动产融资"], "存货类"),
    ("fin_lease", ["融资租赁", "设备直租", "售后回租"], "租赁类"),
    ("fin_credit_ins", ["出口信用保险", "短期出口险", "保单融资"], "保险类"),
    ("fin_ip", ["知识产权质押贷款", "科创贷", "人才贷"], "科技金融类")]:
    K(_cid, None, "FINANCIAL_INSTITUTION", "FIN", (SF,), {"fin_ar": ["商业保理"], "fin_lease": ["融资租赁"],
      "fin_credit_ins": ["信用保险"], "fin_ip": ["科技融资担保"]}.get(_cid, ["农村商业银行", "村镇银行"]), _tags, [], [_at], n=0)
# ---- 配套服务 (look-alike only concepts) ----
K("space_op", None, "SERVICE_PROVIDER", "INCUBATOR", (SC,), ["科技园", "孵化器"],
  ["孵化器运营", "众创空间", "标准厂房租赁", "产业园区招商运营"], [], ["办公及厂房租赁"], n=0)
K("fin_consult", None, "SERVICE_PROVIDER", "CONSULT", (SF,), ["财务咨询", "企业服务"],
  ["融资咨询", "代理记账", "财税筹划"], [], ["财税服务"], n=0)
K("tt_agency", None, "SERVICE_PROVIDER", "BROKER", (AT,), ["技术转移", "知识产权"],
  ["技术经纪", "专利代理", "技术合同登记"], [], ["技术转移服务"], n=0)
K("env_test", "HOME_APPLIANCES", "SERVICE_PROVIDER", "LAB", (QS,), ["检测", "检验认证", "环境试验"],
  ["环境可靠性检测", "高低温湿热试验", "盐雾试验", "振动冲击跌落试验", "整机寿命测试"], ["产品环境适应性与可靠性工程"],
  ["环境与可靠性试验报告"], n=4, adjacent=["svc_ic_reliab"],
  looks=[L("EQUIPMENT", "SME", ["高低温试验箱制造", "环境试验设备", "盐雾试验箱"], "高低温湿热试验箱、盐雾箱",
           "研发生产高低温湿热试验箱、冷热冲击箱及盐雾试验箱", "试验设备"),
         L("CONSULT", "SERVICE_PROVIDER", ["ISO9001认证咨询", "IATF16949体系辅导"], "体系认证辅导",
           "为制造企业提供质量管理体系认证咨询与内审员培训", "管理咨询")])


# ---- more look-alikes (same vocabulary, different business) ----
def _look(cid, *specs):
    CONCEPTS[cid]["looks"].extend(specs)


_look("motor_foc", L("REPAIR", "SME", ["变频器维修", "伺服驱动器维修"], "变频器、伺服驱动器维修", "专业维修各品牌变频器、伺服驱动器及控制电路板", "工控维修"),
      L("DISTRIBUTOR", "SME", ["变频器代理", "伺服电机销售"], "变频器、伺服电机、PLC", "代理销售多个品牌变频器与伺服系统", "自动化"))
_look("nev_solid", L("EQUIPMENT", "SME", ["手套箱制造", "锂电干燥房工程"], "惰性气体手套箱、干燥房", "生产惰性气体手套箱并承建锂电池干燥房", "真空设备"),
      L("DISTRIBUTOR", "SME", ["锂电池材料贸易", "电池级碳酸锂销售"], "碳酸锂、电解液", "经营锂电池原材料贸易", "锂业贸易"))
_look("nev_cathode", L("EQUIPMENT", "SME", ["辊道窑制造", "锂电材料烧结设备"], "辊道窑、回转窑", "设计制造锂电正极材料烧结辊道窑", "热工装备"),
      L("DISTRIBUTOR", "SME", ["碳酸锂贸易", "正极材料经销"], "碳酸锂、磷酸铁", "经销锂电正极原料", "锂材贸易"))
_look("cb_customs", L("SOFTWARE", "SME", ["关务管理软件", "报关单录入系统开发"], "关务软件", "开发企业关务管理与报关单录入软件", "关务软件"),
      L("TRAINER", "SERVICE_PROVIDER", ["报关员培训", "外贸单证培训"], "报关与单证课程", "开展报关员、外贸单证员培训", "职业培训"))
_look("he_reducer", L("REPAIR", "SME", ["减速机维修", "齿轮箱修理"], "减速机、齿轮箱维修", "承接各类减速机、齿轮箱维修与改造", "传动维修"),
      L("DISTRIBUTOR", "SME", ["减速机代理", "行星减速机销售"], "减速机、联轴器", "代理销售国内外品牌减速机", "传动贸易"))
_look("nm_fluoro", L("DISTRIBUTOR", "SME", ["制冷剂销售", "氟化工产品贸易"], "R22、R134a制冷剂", "经销制冷剂及氟化工产品", "化工贸易"),
      L("PROCESSOR", "SME", ["PTFE垫片加工", "四氟管材制品"], "四氟垫片、管材、棒材", "以外购PTFE树脂加工垫片、管材等制品", "密封制品"))
_look("bio_medmould", L("DISTRIBUTOR", "SME", ["医用耗材批发", "二类医疗器械经营"], "注射器、输液器等耗材", "持有医疗器械经营许可，批发医用耗材", "医疗器械"),
      L("EQUIPMENT", "SME", ["注射器组装机制造", "医用导管挤出设备"], "注射器组装机、导管挤出线", "制造医用耗材自动组装机与导管挤出设备", "医疗装备"))
_look("tal_gmp", L("HR", "SERVICE_PROVIDER", ["医药人才招聘", "医药代表外包"], "医药人才寻访", "为药企提供人才招聘与医药代表外包", "人力资源"),
      L("CONSULT", "SERVICE_PROVIDER", ["GMP认证咨询", "药品注册咨询"], "GMP符合性咨询", "提供药企GMP审计与认证咨询", "医药咨询"))
_look("tx_func", L("DISTRIBUTOR", "SME", ["面料贸易", "功能面料批发"], "各类针梭织面料", "经营面料批发与外贸", "面料"),
      L("DISTRIBUTOR", "SME", ["印染助剂销售", "纺织助剂代理"], "抗菌整理剂、柔软剂", "代理销售纺织印染助剂", "助剂"))
_look("sw_aps", L("CONSULT", "SERVICE_PROVIDER", ["精益生产咨询", "生产管理咨询"], "精益咨询", "为制造企业提供精益生产与现场管理咨询", "管理咨询"),
      L("TRAINER", "SERVICE_PROVIDER", ["PMC生产计划培训", "物料控制培训"], "PMC课程", "开展生产计划与物料控制公开课", "企业管理培训"))
_look("tal_fashion", L("DESIGN_STUDIO", "SME", ["服装设计外包", "服装打版服务"], "服装款式设计、样衣制作", "承接品牌服装款式设计、打版及样衣制作", "服装设计"))
_look("fd_byproduct", L("DISTRIBUTOR", "SME", ["花生米批发", "花生粕饲料销售"], "花生米、花生粕", "收购批发花生米并销售花生粕饲料原料", "粮油贸易"),
      L("EQUIPMENT", "SME", ["榨油机制造", "花生脱红衣机"], "榨油机、脱红衣机", "制造螺旋榨油机和花生脱红衣设备", "粮油机械"))
_look("nm_finechem", L("DISTRIBUTOR", "SME", ["化工原料贸易", "试剂中间体经销"], "溶剂、试剂、通用中间体", "经营化工原料与通用中间体贸易", "化工贸易"),
      L("EQUIPMENT", "SME", ["搪玻璃反应釜制造", "化工压力容器"], "反应釜、换热器、储罐", "制造搪玻璃反应釜及化工压力容器", "化工装备"))
_look("tx_fiber", L("EQUIPMENT", "SME", ["化纤纺丝设备制造", "短纤生产线"], "纺丝组件、牵伸设备", "设计制造涤纶短纤纺丝及后处理设备", "纺机"))
_look("cb_market", L("EXHIBIT", "SERVICE_PROVIDER", ["展台设计搭建", "国内展会搭建"], "展台搭建", "承接国内展会展台设计与搭建", "会展"),
      L("DISTRIBUTOR", "SME", ["粮油批发", "国内商超渠道代理"], "粮油副食", "经营粮油副食批发及商超渠道代理", "商贸"))


# --------------------------------------------------------------------------------------------
# Chain leaders (fictional).  facts: concepts they hold themselves (-> PUBLISHER negatives).
# --------------------------------------------------------------------------------------------
LEADERS = [
    ("ldr-01", "青岛海川智家集团股份有限公司", "370212", ["HOME_APPLIANCES", "SOFTWARE_IT"], {"inj": "MAKER", "ha_ctrl": "MAKER", "ha_foam": "MAKER"},
     ["智能家电整机", "互联工厂", "冰箱洗衣机研发制造"], "冰箱、洗衣机、空调、热水器等智能家电整机",
     "全球化智能家电集团，在青岛、胶州、黄岛等地建有12个互联工厂，冰箱、洗衣机产销量居行业前列，拥有国家级企业技术中心，正带动本地配套企业协同发展。",
     {TR: "STRONG", SC: "STRONG", IR: "OPEN", DE: "OPEN"}, 86000, 28000000),
    ("ldr-02", "青岛海韵视像科技股份有限公司", "370211", ["HOME_APPLIANCES"], {"ha_ctrl": "MAKER", "acoustic": "LAB", "sheet": "MAKER"},
     ["显示终端", "变频空调", "声学研发"], "激光电视、智慧屏、变频空调",
     "以显示与变频技术为核心的家电企业，激光电视、智慧屏出货量国内领先，在黄岛建有研发中心和半消声室等声学设施。",
     {TR: "STRONG", IR: "OPEN", CB: "OPEN"}, 52000, 16000000),
    ("ldr-03", "山东鲁骋新能源汽车股份有限公司", "370114", ["NEW_ENERGY_VEHICLES"], {"diecast": "MAKER", "nev_adas": "DESIGNER"},
     ["纯电动乘用车", "整车集成", "一体化压铸"], "纯电动SUV、轿车及轻型商用车",
     "位于济南章丘的新能源整车企业，具备冲压、焊装、涂装、总装四大工艺及一体化压铸车间，年产能20万辆，建有智能网联封闭测试场。",
     {TR: "STRONG", SC: "OPEN"}, 9800, 3600000),
    ("ldr-04", "烟台宏途动力电池科技有限公司", "370676", ["NEW_ENERGY_VEHICLES", "NEW_MATERIALS"],
     {"nev_cell": "MAKER", "nev_bms": "DESIGNER", "svc_battery_test": "LAB"},
     ["动力电池", "储能系统", "电池检测中心"], "磷酸铁锂动力电芯、储能集装箱系统",
     "专注磷酸铁锂动力及储能电池，年产能30GWh，配套多家整车及储能集成商，自建电池安全检测中心。",
     {PS: "OPEN", TR: "STRONG"}, 7600, 2100000),
    ("ldr-05", "济南泉芯微电子股份有限公司", "370176", ["INTEGRATED_CIRCUITS"], {"ic_mcu": "DESIGNER", "ic_analog": "DESIGNER"},
     ["MCU芯片", "模拟芯片", "芯片设计"], "通用MCU、车规MCU、电源管理芯片",
     "山东省集成电路设计龙头企业，MCU及模拟芯片累计出货超30亿颗，拥有车规芯片设计与验证能力。",
     {TR: "STRONG", TS: "OPEN"}, 1200, 260000),
    ("ldr-06", "青岛芯澜半导体封测有限公司", "370211", ["INTEGRATED_CIRCUITS"], {"ic_ate": "LAB", "ic_power": "MAKER"},
     ["集成电路封装测试", "功率模块", "SiP封装"], "QFN/BGA/SiP封装测试、功率模块",
     "位于黄岛的集成电路封测企业，具备QFN、BGA、SiP及功率模块封装测试能力，月产能8亿颗。",
     {IR: "OPEN", PS: "OPEN"}, 3800, 420000),
    ("ldr-07", "潍坊潍动动力装备集团有限公司", "370705", ["HIGH_END_EQUIPMENT", "NEW_ENERGY_VEHICLES"],
     {"he_cnc": "MAKER", "he_casting": "MAKER", "irs_fatigue": "LAB"},
     ["柴油机", "动力总成", "工业机器人"], "重型柴油机、发电机组、工业机器人",
     "大型动力装备制造集团，重型柴油机产销量居国内前列，拥有铸造、机加工及台架试验中心，正布局工业机器人业务。",
     {IR: "STRONG", TR: "OPEN"}, 31000, 9500000),
    ("ldr-08", "济宁鲁工工程机械股份有限公司", "370871", ["HIGH_END_EQUIPMENT"], {"he_welding": "MAKER", "he_hydraulic": "MAKER"},
     ["挖掘机", "装载机", "工程机械"], "挖掘机、装载机、推土机",
     "工程机械整机制造企业，挖掘机年产能3万台，拥有结构件、液压件自制能力和工程机械物联网平台。",
     {TR: "OPEN"}, 12000, 4200000),
    ("ldr-09", "淄博岳华氟硅新材料股份有限公司", "370321", ["NEW_MATERIALS"], {"nm_fluoro": "MAKER", "nm_silicone": "MAKER"},
     ["氟硅新材料", "含氟聚合物", "有机硅"], "PVDF、PTFE、R142b、有机硅单体",
     "位于桓台的氟硅材料龙头企业，形成萤石—氢氟酸—含氟单体—含氟聚合物完整产业链，PVDF产能居全国前列。",
     {TR: "STRONG", IR: "OPEN"}, 9000, 1800000),
    ("ldr-10", "烟台华瀚新材料科技集团股份有限公司", "370676", ["NEW_MATERIALS"], {"nm_finechem": "MAKER", "irs_character": "LAB"},
     ["显示材料", "精细化工", "分析测试中心"], "液晶单体、OLED材料、分子筛",
     "以显示材料和环保材料为核心的新材料集团，建有省级分析测试中心和中试基地。",
     {IR: "STRONG", TR: "OPEN"}, 4500, 680000),
    ("ldr-11", "济南齐鲁康恒制药集团有限公司", "370176", ["BIOMEDICINE"], {"bio_cmo": "MAKER", "bio_flowchem": "DESIGNER"},
     ["化学制药", "生物药", "原料药"], "抗肿瘤药、抗感染药、原料药、生物类似药",
     "综合性制药集团，拥有原料药、制剂、生物药生产基地，多条生产线通过FDA、EU GMP认证。",
     {TR: "STRONG", SC: "OPEN"}, 14000, 3200000),
    ("ldr-12", "威海威康医疗器械集团有限公司", "371071", ["BIOMEDICINE"], {"bio_medmould": "MAKER"},
     ["医用耗材", "输注器械", "血液净化"], "输液器、注射器、留置针、血液净化耗材",
     "医疗器械龙头企业，一次性输注器械国内市场占有率领先，产品出口60余个国家。",
     {TR: "OPEN", PS: "OPEN"}, 30000, 2400000),
    ("ldr-13", "青岛蓝渊海洋生物科技集团有限公司", "370211", ["MARINE_ECONOMY", "FOOD_PROCESSING"], {"mar_bio": "MAKER"},
     ["海藻加工", "海洋生物制品", "海洋功能食品"], "海藻酸盐、海藻肥、海洋功能食品",
     "全球规模领先的海藻加工企业，海藻酸盐产能居世界前列，建有海藻活性物质国家级研发平台。",
     {TR: "STRONG", CB: "OPEN"}, 4200, 520000),
    ("ldr-14", "烟台蓝鲸海洋工程有限公司", "370676", ["MARINE_ECONOMY", "HIGH_END_EQUIPMENT"], {"mar_aqua_equip": "MAKER"},
     ["海洋工程装备", "深远海养殖平台", "海上风电"], "半潜式养殖平台、海上风电安装平台",
     "海洋工程装备总包企业，交付多座深远海养殖平台和海上风电安装船，拥有大型总装场地与码头。",
     {TR: "OPEN", PS: "OPEN"}, 6000, 1100000),
    ("ldr-15", "滨州鲁纺纺织集团有限公司", "371681", ["TEXTILES_APPAREL"], {"tx_spinning": "MAKER", "tx_dyeing": "MAKER", "tx_home": "MAKER"},
     ["棉纺织", "印染", "家纺"], "棉纱、坯布、印染面料、毛巾家纺",
     "全产业链纺织集团，拥有纺纱、织造、印染到家纺成品的完整链条，产品出口欧美日韩。",
     {PS: "OPEN", CB: "OPEN"}, 38000, 4500000),
    ("ldr-16", "青岛即墨鲁绣服饰集团有限公司", "370215", ["TEXTILES_APPAREL"], {"tx_garment": "MAKER"},
     ["针织服装", "运动服饰ODM", "童装"], "针织运动服、童装、内衣",
     "大型针织服装ODM企业，为多家国际运动品牌供货，在即墨和东南亚设有生产基地。",
     {TR: "OPEN", CB: "OPEN"}, 21000, 1600000),
    ("ldr-17", "临沂金鼎食品集团有限公司", "371302", ["FOOD_PROCESSING"], {"fd_meat": "MAKER", "fd_prepared": "MAKER"},
     ["肉制品", "预制菜", "冷链食品"], "低温肉制品、高温火腿肠、预制菜",
     "肉类食品加工龙头企业，年屠宰生猪800万头，低温肉制品和预制菜产品覆盖全国商超。",
     {PR: "OPEN"}, 42000, 6200000),
    ("ldr-18", "莱阳鲁香粮油集团股份有限公司", "370682", ["FOOD_PROCESSING"], {"fd_byproduct": "DESIGNER"},
     ["花生油", "粮油加工", "花生精深加工"], "压榨花生油、花生酱、花生蛋白",
     "花生油龙头企业，首创5S压榨工艺，年加工花生约50万吨，建有花生精深加工研究院。",
     {CB: "OPEN"}, 16000, 3800000),
    ("ldr-19", "济南齐云信息科技集团股份有限公司", "370102", ["SOFTWARE_IT", "INTEGRATED_CIRCUITS"],
     {"computing": "LAB", "sw_security": "SOFTWARE"},
     ["服务器", "云计算", "数据安全"], "服务器、存储、云平台、数据安全产品",
     "服务器与云计算龙头企业，服务器出货量国内前列，运营多个智算中心，提供政务云与数据安全产品。",
     {IR: "STRONG", DE: "OPEN", TR: "STRONG"}, 26000, 9800000),
    ("ldr-20", "青岛海链云工业互联网有限公司", "370212", ["SOFTWARE_IT", "HOME_APPLIANCES"],
     {"sw_iiot": "SOFTWARE", "sw_mes": "SOFTWARE", "sw_twin": "SOFTWARE"},
     ["工业互联网平台", "大规模定制", "智能制造解决方案"], "工业互联网平台、MES、数字孪生解决方案",
     "国家级跨行业跨领域工业互联网平台运营企业，连接工业设备超千万台，服务十余个行业的中小企业数字化转型。",
     {DE: "STRONG", TR: "STRONG", TS: "OPEN", SC: "STRONG"}, 3500, 560000),
]

# --------------------------------------------------------------------------------------------
# Universities and research institutes: (key, name, region, [(concept, role, unit)], extra willingness)
# --------------------------------------------------------------------------------------------
R, T_, B_ = "RESEARCH", "TRAINER", "LAB"
UNIVERSITIES = [
    ("uni-01", "山东大学", "370102", [("motor_foc", R, "电气工程学院"), ("ic_power", R, "集成电路学院"),
                                    ("sw_security", R, "网络空间安全学院"), ("tal_ic", T_, "集成电路学院")]),
    ("uni-02", "中国海洋大学", "370212", [("mar_bio", R, "医药学院"), ("mar_observ", R, "海洋与大气学院"),
                                       ("mar_aqua_equip", R, "水产学院"), ("mar_seafood", R, "食品科学与工程学院")]),
    ("uni-03", "青岛科技大学", "370212", [("inj", R, "高分子科学与工程学院"), ("nm_modplastic", R, "高分子科学与工程学院"),
                                       ("nm_fluoro", R, "化工学院")]),
    ("uni-04", "山东科技大学", "370211", [("sw_pdm", R, "机械电子工程学院"), ("he_hydraulic", R, "机械电子工程学院"),
                                       ("sw_twin", R, "智能装备学院")]),
    ("uni-05", "齐鲁工业大学（山东省科学院）", "370113", [("bio_flowchem", R, "药学院"), ("tx_func", R, "纺织服装学院"),
                                                    ("fd_sugar", R, "生物工程学院"), ("computing", B_, "超级计算中心")]),
    ("uni-06", "济南大学", "370103", [("nm_ceramic", R, "材料科学与工程学院"), ("nm_coating", R, "化学化工学院"),
                                   ("green_wastewater", R, "水利与环境学院")]),
    ("uni-07", "山东理工大学", "370303", [("nev_bms", R, "交通与车辆工程学院"), ("nev_thermal", R, "交通与车辆工程学院"),
                                       ("he_reducer", R, "机械工程学院")]),
    ("uni-08", "青岛大学", "370202", [("tx_func", R, "纺织服装学院"), ("tx_fiber", R, "纺织服装学院"),
                                   ("bio_ivd", R, "医学部"), ("tal_fashion", T_, "纺织服装学院")]),
    ("uni-09", "烟台大学", "370613", [("bio_antibody", R, "药学院"), ("nm_finechem", R, "化学化工学院"),
                                   ("mar_bio", R, "生命科学学院")]),
    ("uni-10", "潍坊学院", "370702", [("he_cnc", R, "机电与车辆工程学院"), ("sw_vision", R, "计算机工程学院")]),
    ("uni-11", "中国石油大学（华东）", "370211", [("green_carbon", R, "化学化工学院"), ("mar_anticorr", R, "材料科学与工程学院"),
                                            ("green_wastewater", R, "化学化工学院")]),
    ("uni-12", "哈尔滨工业大学（威海）", "371002", [("he_welding", R, "材料科学与工程学院"), ("irs_ocean", B_, "海洋工程学院"),
                                             ("mar_observ", R, "信息科学与工程学院")]),
    ("uni-13", "山东建筑大学", "370112", [("green_heat", R, "热能工程学院"), ("green_ems", R, "信息与电气工程学院"),
                                       ("green_pv", R, "热能工程学院")]),
    ("uni-14", "鲁东大学", "370613", [("mar_aqua_equip", R, "农学院"), ("fd_byproduct", R, "食品工程学院")]),
    ("uni-15", "聊城大学", "371502", [("nm_magnet", R, "物理科学与信息工程学院"), ("nev_cathode", R, "化学化工学院")]),
    ("uni-16", "临沂大学", "371302", [("sw_vision", R, "信息科学与工程学院"), ("fd_prepared", R, "生命科学学院")]),
    ("uni-17", "山东农业大学", "370902", [("fd_byproduct", R, "食品科学与工程学院"), ("svc_food_test", R, "食品科学与工程学院"),
                                       ("fd_meat", R, "食品科学与工程学院")]),
    ("uni-18", "青岛农业大学", "370214", [("fd_prepared", R, "食品科学与工程学院"), ("fd_meat", R, "动物科技学院"),
                                       ("mar_seafood", R, "海洋科学与工程学院"), ("fd_byproduct", R, "食品科学与工程学院")]),
    ("uni-19", "山东第一医科大学", "370113", [("bio_antibody", R, "药学院"), ("svc_biocompat", R, "医学与生命科学部"),
                                          ("tal_gmp", T_, "药学院")]),
    ("uni-20", "滨州医学院", "370613", [("bio_ivd", R, "医学检验学院")]),
    ("uni-21", "山东交通学院", "370112", [("nev_adas", R, "汽车工程学院"), ("tal_ev", T_, "汽车工程学院")]),
    ("uni-22", "青岛理工大学", "370203", [("green_heat", R, "环境与市政工程学院"), ("sw_twin", R, "机械与汽车工程学院"),
                                       ("he_auto_line", R, "机械与汽车工程学院")]),
    ("uni-23", "曲阜师范大学", "370881", [("nev_cathode", R, "化学与化工学院"), ("sw_aps", R, "计算机学院")]),
    ("uni-24", "中国科学院青岛生物能源与过程研究所", "370212", [("nev_solid", R, "固态能源系统技术中心"),
                                                        ("nev_cathode", R, "储能技术研究组"), ("fd_sugar", R, "合成生物学研究组")]),
    ("uni-25", "中国科学院海洋研究所", "370202", [("mar_bio", R, "海洋生物技术研发中心"), ("mar_anticorr", R, "海洋腐蚀与防护研究组"),
                                             ("mar_aqua_equip", R, "海水养殖研究组")]),
    ("uni-26", "中国科学院烟台海岸带研究所", "370613", [("green_wastewater", R, "海岸带环境工程研究组"),
                                                  ("mar_observ", R, "海岸带信息监测研究组")]),
    ("uni-27", "山东省科学院海洋仪器仪表研究所", "370212", [("mar_observ", R, "海洋监测技术研究室"), ("irs_ocean", B_, "海洋仪器试验场")]),
    ("uni-28", "自然资源部第一海洋研究所", "370212", [("mar_observ", R, "海洋环境观测研究室"), ("irs_ocean", B_, "海洋环境试验场")]),
    ("uni-29", "中国水产科学研究院黄海水产研究所", "370202", [("mar_aqua_equip", R, "养殖工程研究室"),
                                                       ("mar_seafood", R, "水产品加工研究室")]),
    ("uni-30", "山东省农业科学院", "370112", [("fd_byproduct", R, "农产品加工与营养研究所"), ("svc_food_test", B_, "农产品质量检测中心")]),
    ("uni-31", "山东产业技术研究院", "370176", [("he_reducer", R, "精密传动研究所"), ("ic_mems", R, "微纳传感研究中心"),
                                             ("nev_solid", R, "新能源材料研究所")]),
    ("uni-32", "山东省科学院新材料研究所", "370102", [("irs_character", B_, "分析测试中心"), ("nm_cf", R, "复合材料研究室"),
                                                ("nm_silicone", R, "有机硅材料研究室")]),
    ("uni-33", "山东省计量科学研究院", "370104", [("svc_calibration", B_, "长度与几何量计量所"), ("env_test", R, "环境可靠性研究室")]),
    ("uni-34", "淄博职业学院", "370303", [("tal_skills", T_, "智能制造学院"), ("tal_gmp", T_, "医药学院")]),
    ("uni-35", "潍坊职业学院", "370705", [("tal_skills", T_, "机电工程学院"), ("tal_ev", T_, "汽车工程学院")]),
    ("uni-36", "青岛职业技术学院", "370212", [("tal_digital", T_, "信息学院"), ("tal_ic", T_, "电子信息学院")]),
    ("uni-37", "山东职业学院", "370112", [("tal_ev", T_, "汽车工程学院"), ("tal_skills", T_, "机电工程学院")]),
    ("uni-38", "日照职业技术学院", "371102", [("tal_skills", T_, "机电工程学院")]),
    ("uni-39", "山东科技职业学院", "370702", [("tal_fashion", T_, "纺织服装系"), ("tal_skills", T_, "机电工程系")]),
    ("uni-40", "济南职业学院", "370103", [("tal_digital", T_, "计算机学院")]),
    ("uni-41", "浙江大学", "330106", [("ic_mcu", R, "集成电路学院"), ("sw_security", R, "计算机科学与技术学院"),
                                   ("motor_foc", R, "电气工程学院")]),
    ("uni-42", "江南大学", "320211", [("fd_byproduct", R, "食品学院"), ("fd_sugar", R, "生物工程学院"), ("tx_dyeing", R, "纺织科学与工程学院")]),
    ("uni-43", "合肥工业大学", "340104", [("nev_bms", R, "电气与自动化工程学院"), ("battery_recycle", R, "资源与环境工程学院")]),
    ("uni-44", "华南理工大学", "440106", [("inj", R, "机械与汽车工程学院"), ("nm_modplastic", R, "材料科学与工程学院")]),
    ("uni-45", "东华大学", "310105", [("tx_func", R, "纺织学院"), ("tx_fiber", R, "材料科学与工程学院"),
                                   ("tal_fashion", T_, "服装与艺术设计学院")]),
    ("uni-46", "中国科学院苏州纳米技术与纳米仿生研究所", "320576", [("ic_mems", R, "纳米器件研究部"), ("nev_solid", R, "先进材料研究部"),
                                                           ("svc_ic_reliab", B_, "测试分析平台")]),
    ("uni-47", "中国科学院宁波材料技术与工程研究所", "330211", [("nm_cf", R, "先进制造研究所"), ("nm_magnet", R, "稀土磁性功能材料研究组")]),
    ("uni-48", "中国科学技术大学", "340104", [("ha_voice", R, "信息科学技术学院"), ("nev_solid", R, "化学与材料科学学院")]),
    ("uni-49", "中国科学院声学研究所", "110108", [("acoustic", R, "噪声与振动研究室"), ("ha_voice", R, "语言声学与内容理解研究室")]),
    ("uni-50", "山东理工职业学院", "370811", [("tal_skills", T_, "智能制造学院"), ("tal_digital", T_, "信息工程学院")]),
]

# --------------------------------------------------------------------------------------------
# Financial institutions: (key, name, region, concepts, lexical mentions, chains, text)
# --------------------------------------------------------------------------------------------
FINANCIALS = [
    ("fin-01", "齐海银行股份有限公司青岛分行", "370202", ["fin_ar", "fin_bill", "fin_order", "fin_inventory"], [], ["HOME_APPLIANCES", "MARINE_ECONOMY"]),
    ("fin-02", "泉城银行股份有限公司济南科技支行", "370176", ["fin_ip", "fin_ar", "fin_bill"], [], ["INTEGRATED_CIRCUITS", "SOFTWARE_IT", "BIOMEDICINE"]),
    ("fin-03", "鲁信达商业保理（青岛）有限公司", "370211", ["fin_ar"], [], ["HOME_APPLIANCES", "NEW_ENERGY_VEHICLES"]),
    ("fin-04", "海岱融资租赁（山东）有限公司", "370102", ["fin_lease"], ["inj", "diecast", "he_cnc"], ["HIGH_END_EQUIPMENT", "NEW_ENERGY_VEHICLES"]),
    ("fin-05", "潍州农村商业银行股份有限公司", "370705", ["fin_order", "fin_inventory"], [], ["HIGH_END_EQUIPMENT", "FOOD_PROCESSING"]),
    ("fin-06", "华诚信用保险股份有限公司山东分公司", "370102", ["fin_credit_ins"], [], ["HOME_APPLIANCES", "TEXTILES_APPAREL", "FOOD_PROCESSING"]),
    ("fin-07", "东方海联银行股份有限公司烟台分行", "370602", ["fin_ar", "fin_inventory", "fin_bill"], [], ["NEW_MATERIALS", "MARINE_ECONOMY"]),
    ("fin-08", "沂蒙农村商业银行股份有限公司", "371302", ["fin_order", "fin_inventory"], [], ["FOOD_PROCESSING"]),
    ("fin-09", "威海蓝海融资租赁有限公司", "371002", ["fin_lease"], ["mar_aqua_equip"], ["MARINE_ECONOMY"]),
    ("fin-10", "齐鲁汇通商业保理有限公司", "370176", ["fin_ar", "fin_bill"], [], ["BIOMEDICINE", "NEW_ENERGY_VEHICLES"]),
    ("fin-11", "黄河三角洲农村商业银行股份有限公司", "370502", ["fin_inventory", "fin_order"], [], ["NEW_MATERIALS", "FOOD_PROCESSING"]),
    ("fin-12", "苏港银行股份有限公司苏州分行", "320505", ["fin_ar", "fin_bill"], [], ["INTEGRATED_CIRCUITS", "NEW_ENERGY_VEHICLES"]),
    ("fin-13", "深圳前湾商业保理有限公司", "440305", ["fin_ar"], [], ["INTEGRATED_CIRCUITS", "HOME_APPLIANCES"]),
    ("fin-14", "泰山科技融资担保有限公司", "370902", ["fin_ip"], [], ["HIGH_END_EQUIPMENT", "NEW_MATERIALS"]),
    ("fin-15", "烟台港融融资租赁有限公司", "370602", ["fin_lease"], ["he_welding"], ["HIGH_END_EQUIPMENT", "MARINE_ECONOMY"]),
    ("fin-16", "青岛海汇产融商业保理有限公司", "370212", ["fin_ar", "fin_order"], [], ["HOME_APPLIANCES"]),
    ("fin-17", "德州齐信村镇银行股份有限公司", "371482", ["fin_order", "fin_inventory"], [], ["FOOD_PROCESSING"]),
    ("fin-18", "浦江汽车金融有限公司", "310115", ["fin_lease", "fin_inventory"], [], ["NEW_ENERGY_VEHICLES"]),
    ("fin-19", "聊城东昌农村商业银行股份有限公司", "371502", ["fin_order", "fin_ar"], [], ["NEW_ENERGY_VEHICLES", "FOOD_PROCESSING"]),
    ("fin-20", "临沂沂河融资租赁有限公司", "371302", ["fin_lease"], ["fd_packaging"], ["FOOD_PROCESSING"]),
]

# --------------------------------------------------------------------------------------------
# Demands.  core: concepts the demand really needs (grade 3 possible); sec: a secondary concept that
# does part of the job (grade 2 at most); adj: adjacent concepts (grade 1 at most; the concepts' own
# adjacency lists are added).  roles: override/extension of FIELD_ROLES (role -> best grade).  look:
# concepts whose holders are look-alikes for this demand whatever their role.  prefs: stated
# preferences and minimums (see docs/matching-dev-set.md).
# --------------------------------------------------------------------------------------------
DEMANDS = []


CLOSINGS = ["请有意向的单位通过平台提交企业简介、典型案例及资质证明材料。", "我司将组织技术、质量与采购部门联合评审，择优开展现场考察。",
            "合作期原则上不少于三年，可签订框架合作协议。", "请提供近三年同类项目业绩及主要技术人员情况。",
            "对接成功后可纳入我司合格供方名录或战略合作伙伴库。", "欢迎通过“百场万企”对接活动现场洽谈。"]


def D(key, pub, field, chain, title, desc, caps, core, sec=(), adj=(), regions=(), prefs=(), roles=None, look=()):
    if len(desc) < 95:
        desc += CLOSINGS[len(DEMANDS) % len(CLOSINGS)]
    DEMANDS.append(dict(key=key, publisher=pub, field=field, chain=chain, title=title, description=desc, capabilities=caps,
                        core=list(core), sec=list(sec), adj=list(adj), regions=list(regions), prefs=list(prefs),
                        roles=dict(roles or {}), look=list(look)))


SPACE_LOOK = ["space_op"]
FIN_LOOK = ["fin_consult"]
HA, NEV, IC, HE, NM, BIO, MAR, TEX, FOOD, SW = ("HOME_APPLIANCES", "NEW_ENERGY_VEHICLES", "INTEGRATED_CIRCUITS",
                                              "HIGH_END_EQUIPMENT", "NEW_MATERIALS", "BIOMEDICINE", "MARINE_ECONOMY",
                                              "TEXTILES_APPAREL", "FOOD_PROCESSING", "SOFTWARE_IT")

# ---- 智能家电 ----
D("d-01", "ldr-01", PS, HA, "洗衣机内外桶及冰箱内胆注塑件配套供应商征集",
  "我司胶州、黄岛工业园滚筒洗衣机及多门冰箱新品即将量产，现面向社会征集注射成型配套供应商，承接洗衣机内桶、外桶及冰箱内胆、抽屉等大中型塑料件。要求具备800吨以上注塑设备和试模、修模能力，可就近设立中转仓实现JIT供货。年需求量约50万件，需具备相应产能；优先省内企业。",
  ["注射成型", "大型塑料件", "试模修模"], ["inj"], adj=["mould"], prefs=[("capacity", 50), ("province",)])
D("d-02", "ldr-02", PS, HA, "变频空调及智慧屏电控板配套",
  "因产能扩充，现征集变频空调室外机控制器、智慧屏电源板的电控组件配套厂家，需具备SMT贴装、波峰焊插件、三防涂覆及功能测试（ICT/FCT）全流程能力，可按我司图纸来料加工或包工包料。供应商年营业收入不低于5000万元，具备ISO9001体系认证。",
  ["控制器组件", "PCBA", "三防涂覆"], ["ha_ctrl"], prefs=[("revenue", 5000)])
D("d-03", "ldr-01", TR, HA, "变频压缩机电机控制算法联合研发",
  "为提升变频冰箱、空调压缩机低频运行效率和静音表现，拟联合开展电机控制算法攻关，内容包括无传感器启动、弱磁控制、低速转矩脉动抑制及参数在线辨识。欢迎具有相关技术积累的企业、高校院所合作，可采取委托开发或联合研发方式，知识产权按约定共享。",
  ["电机控制算法", "无传感器启动", "转矩脉动抑制"], ["motor_foc"], sec=["nev_mcu", "ha_motor"])
D("d-04", "ldr-01", DE, HA, "注塑车间设备联网与MES系统建设服务商征集",
  "我司冰箱事业部拥有注塑机300余台，拟建设注塑车间数字化管理系统，实现注塑工艺参数实时采集、模具寿命管理、生产报工与质量追溯，并与现有SAP系统集成。征集具备离散制造行业实施经验的服务商提供方案设计、实施及运维，需能驻场实施，限青岛市内服务商。",
  ["MES", "注塑机数据采集", "SAP集成"], ["sw_mes"], sec=["sw_iiot"], regions=["3702"])
D("d-05", "ldr-02", QS, HA, "整机可靠性与环境适应性检测服务采购",
  "面向出口欧洲、东南亚的电视及冰箱整机，需委托第三方实验室开展高低温循环、恒定湿热、盐雾、运输振动与跌落等环境可靠性试验，要求具备CNAS认可资质，能出具中英文报告，单批次检测周期不超过15个工作日。",
  ["可靠性试验", "环境试验", "CNAS实验室"], ["env_test"])
D("d-06", "ldr-01", GL, HA, "工业园区屋顶分布式光伏及能源管理项目合作",
  "我司青岛、胶州三大工业园可利用厂房屋顶约35万平方米，拟以合同能源管理或自投方式建设分布式光伏电站，同步建设园区能耗监测与碳排放统计平台，提高绿电消纳比例。欢迎具备光伏EPC总包与电站运维能力的企业洽谈。",
  ["屋顶光伏", "合同能源管理", "能耗监测"], ["green_pv"], sec=["green_ems"])
D("d-07", "ldr-02", CB, HA, "欧洲市场海外仓储及尾程配送服务商",
  "我司电视、小家电产品通过跨境电商平台销往德国、波兰等欧洲国家，现征集在欧洲自有或合作海外仓的服务商，提供头程海运、清关、仓储、尾程配送及退货处理一站式服务，要求具备大件家电仓储与上门安装配送经验。",
  ["海外仓", "欧洲尾程配送", "头程海运"], ["cb_owh"], sec=["cb_forwarder"])
D("d-08", "ldr-01", SC, HA, "智慧家庭创新中心开放孵化空间，招募物联网与语音交互团队",
  "我司在崂山总部园区开放约3000平方米智慧家庭创新中心，提供联合实验室、样机试制、场景验证及品牌渠道资源，面向智能家居互联互通、人机语音交互等方向的初创企业及团队招募入驻，入驻首年租金减免。优先考虑专精特新企业。",
  ["智能家居互联", "人机语音交互", "样机试制"], ["ha_iot", "ha_voice"], prefs=[("tier",)], look=SPACE_LOOK)
D("d-09", "ldr-02", PR, HA, "阻燃ABS及改性PP塑料粒子年度采购",
  "为满足电视后壳、空调面板生产需要，年度采购阻燃ABS（UL94 V-0）、滑石粉填充改性PP约1.2万吨，要求供应商具备自主配方开发与稳定批量生产能力，提供UL黄卡及RoHS报告；原厂优先，贸易商需提供品牌授权。供应商年营业收入不低于5000万元。",
  ["阻燃ABS", "填充改性PP", "UL黄卡"], ["nm_modplastic"], prefs=[("revenue", 5000)], roles={"DISTRIBUTOR": 1})
D("d-10", "ldr-02", TR, HA, "智慧屏远场语音与多设备唤醒技术联合开发",
  "面向智慧屏产品，寻求在复杂家庭噪声环境下提升5米远场唤醒率与识别率的技术合作方，内容包括麦克风阵列波束形成、回声消除、声纹识别以及端侧离线命令词识别，欢迎企业和高校院所团队合作。",
  ["远场唤醒", "回声消除", "声纹识别"], ["ha_voice"], adj=["acoustic"])
D("d-11", "ldr-01", TS, HA, "互联工厂设备运维技能人才培训合作",
  "我司互联工厂自动化产线设备运维人员缺口较大，拟与职业院校、培训机构合作开展工业机器人操作与维护、PLC编程、数控设备维修等技能培训，每年约200人次，可共建实训基地、开设订单班。",
  ["工业机器人操作维护", "PLC编程", "订单班"], ["tal_skills"], adj=["tal_digital"])
D("d-12", "ldr-02", IR, HA, "共建声学与音质联合实验室",
  "我司拟在黄岛研发中心共建声学联合实验室，面向电视音响、冰箱压缩机噪声开展声学仿真、噪声源识别与音质主观评价研究，诚邀具备全消声室/半消声室、声学相机等设施的高校院所及第三方实验室共建共享。",
  ["声学实验室", "噪声源识别", "音质主观评价"], ["acoustic"], adj=["env_test"])

# ---- 新能源汽车 ----
D("d-13", "ldr-03", PS, NEV, "一体化压铸后地板及电池包壳体配套",
  "我司新一代纯电平台采用一体化压铸后地板及铝合金电池包下壳体，现征集具备6000吨级以上压铸岛、真空压铸及免热处理铝合金工艺能力的配套供应商，需配合开展同步工程与模具开发。供应商须通过IATF16949质量体系认证，优先省内企业。",
  ["一体化压铸", "电池包壳体", "IATF16949"], ["diecast"], prefs=[("cert", "IATF16949"), ("province",)])
D("d-14", "ldr-03", TR, NEV, "驱动电机控制算法与软件联合开发",
  "围绕800V SiC电驱平台，寻求电机控制算法合作伙伴，开展高速弱磁控制、NVH主动抑制、旋变解码与功能安全（ISO 26262 ASIL-C）软件开发及台架标定，可采用联合开发或委托开发方式。",
  ["电机控制算法", "弱磁控制", "功能安全软件"], ["motor_foc"], sec=["nev_mcu"])
D("d-15", "ldr-04", PS, NEV, "储能及商用车动力电池BMS配套合作",
  "我司储能电池系统与商用车动力电池包业务快速增长，现征集电池管理系统配套企业，需具备主从架构BMS硬件设计、SOC/SOH估算算法、主动均衡控制及功能安全开发能力，能配合电芯特性开展联合标定。专精特新“小巨人”企业优先。",
  ["BMS", "SOC/SOH估算", "主动均衡"], ["nev_bms"], prefs=[("giant",)], roles={"DESIGNER": 3})
D("d-16", "ldr-03", PS, NEV, "高压线束及连接器本地化配套",
  "为满足章丘基地年产20万辆产能需求，征集高压线束总成、高压连接器配套供应商，要求具备屏蔽线束加工、气密性及耐压绝缘测试能力，可在基地周边设立配套仓。限山东省内企业，员工100人以上。",
  ["高压线束", "屏蔽线束加工", "耐压绝缘测试"], ["nev_harness"], regions=["37"], prefs=[("employees", 100)])
D("d-17", "ldr-03", SF, NEV, "供应商应收账款融资合作金融机构征集",
  "我司一级供应商逾300家，账期普遍90-180天。为缓解中小供应商资金压力，拟依托我司供应链平台开展应收账款确权融资，征集银行、保理公司等金融机构提供线上化反向保理、电子债权凭证贴现等服务，利率需具有竞争力。",
  ["应收账款确权融资", "电子债权凭证", "线上化"], ["fin_ar"], sec=["fin_bill"], look=FIN_LOOK)
D("d-18", "ldr-04", GL, NEV, "退役动力电池回收与梯次利用合作",
  "我司每年产生退役电池包及生产废料约5000吨，现寻求符合《新能源汽车废旧动力蓄电池综合利用行业规范条件》的合作伙伴，开展梯次利用储能及拆解再生（镍钴锂回收）业务，共建闭环回收体系。",
  ["梯次利用", "拆解再生", "镍钴锂回收"], ["battery_recycle"])
D("d-19", "ldr-04", QS, NEV, "动力电池安全与可靠性第三方检测",
  "为满足GB 38031-2020及出口UN38.3要求，需委托第三方检测机构开展电池包热扩散、针刺、挤压、浸水、振动等安全性试验以及循环寿命测试，要求具备CMA/CNAS资质和防爆试验条件。",
  ["热扩散试验", "UN38.3", "循环寿命"], ["svc_battery_test"], adj=["env_test"])
D("d-20", "ldr-04", TR, NEV, "硫化物全固态电池电解质研发合作",
  "面向下一代高安全动力电池，拟联合开展硫化物固态电解质材料合成、空气稳定性改善、电极/电解质界面修饰及干法成膜工艺研究，欢迎高校院所及创新企业共建联合实验室，我司可提供中试验证平台。",
  ["固态电解质", "界面修饰", "干法成膜"], ["nev_solid"], adj=["nev_cathode"])
D("d-21", "ldr-03", PS, NEV, "电池液冷板及热泵空调模块配套",
  "新车型采用一体化热管理方案，征集电池液冷板（钎焊/吹胀）、热泵空调模块配套供应商，需具备连续式钎焊炉、氦质谱检漏等设备及与整车同步开发的能力，年配套量约30万套。优先考虑专精特新企业，省内企业优先。",
  ["液冷板", "热泵空调模块", "氦检"], ["nev_thermal"], prefs=[("tier",), ("province",)])
D("d-22", "ldr-04", AT, NEV, "磷酸锰铁锂及正极补锂技术成果转化",
  "寻求磷酸锰铁锂正极材料改性（包覆、掺杂）与正极补锂剂相关专利技术及成熟成果，拟通过专利许可、技术入股或联合中试等方式实现产业化，欢迎高校院所、科研团队及拥有自主知识产权的企业对接。",
  ["磷酸锰铁锂改性", "补锂剂", "专利许可"], ["nev_cathode"], adj=["nev_solid"], roles={"MAKER": 3})
D("d-23", "ldr-03", SC, NEV, "智能网联汽车创新园开放测试场与办公空间",
  "我司在章丘基地建成智能网联封闭测试场及创新园，开放测试道路、V2X路侧设备与研发办公空间，面向智能驾驶感知、决策规划、车载域控制等方向的创新企业和团队招募入驻，可提供整车平台联合验证机会。",
  ["智能驾驶感知", "决策规划", "封闭测试场"], ["nev_adas"], look=SPACE_LOOK)
D("d-24", "ldr-03", TS, NEV, "新能源汽车高压电安全与维修技师培训",
  "面向经销商及售后服务网络，需合作开展新能源汽车高压电安全操作、电池包拆装检修、电驱系统故障诊断等培训，要求具备实训车辆与考核体系，年培训约600人次，可颁发相应职业技能等级证书。",
  ["高压电安全操作", "电驱系统故障诊断", "职业技能等级证书"], ["tal_ev"], adj=["tal_skills"])

# ---- 集成电路 ----
D("d-25", "ldr-05", TR, IC, "车规级MCU芯片联合设计开发",
  "面向车身控制、电机控制应用，拟联合开发车规级32位MCU，需合作方具备ARM Cortex-M或RISC-V内核SoC集成、功能安全设计流程及AEC-Q100验证经验，可采取联合设计、IP授权等模式。",
  ["车规级MCU", "SoC集成", "功能安全设计"], ["ic_mcu"])
D("d-26", "ldr-06", PS, IC, "QFN/BGA封装基板及引线框架本地化配套",
  "我司黄岛封测基地月产能扩至8亿颗，需就近配套QFN引线框架、BGA封装基板，要求线宽线距、翘曲度满足设计规范，具备镀银、NiPdAu电镀能力及洁净生产环境，可配合开展国产化替代验证。供应商年营业收入1亿元以上。",
  ["引线框架", "封装基板", "国产化替代"], ["ic_substrate"], prefs=[("revenue", 10000)])
D("d-27", "ldr-05", QS, IC, "芯片可靠性测试与失效分析服务",
  "新品MCU需开展AEC-Q100 Grade1全套可靠性考核，包括HTOL、HAST、温度循环、ESD（HBM/CDM）、Latch-up以及失效定位分析（EMMI、FIB、切片），征集具备CNAS资质的第三方实验室长期合作。",
  ["AEC-Q100考核", "失效定位分析", "ESD测试"], ["svc_ic_reliab"], adj=["env_test"])
D("d-28", "ldr-06", PR, IC, "电子特气及高纯湿化学品年度采购",
  "年度采购三氟化氮、高纯氨、电子级硫酸、氢氟酸等电子化学品，要求G4级以上纯度，具备稳定的国产供应能力与批次质量追溯体系，需通过我司现场审核。供应商年营业收入不低于1亿元。",
  ["电子特气", "高纯湿化学品", "G4级"], ["ic_chem"], prefs=[("revenue", 10000)], roles={"DISTRIBUTOR": 1})
D("d-29", "ldr-05", IR, IC, "共建集成电路测试公共服务平台",
  "为降低园区芯片设计企业流片后的测试成本，我司拟联合开放ATE测试机、探针台等资源，共建集成电路测试公共服务平台，诚邀具备晶圆测试、成品测试能力和测试程序开发团队的单位共建共享，并对接高校院所测试方法研究团队。",
  ["ATE测试资源", "晶圆测试", "成品测试"], ["ic_ate"], adj=["svc_ic_reliab"])
D("d-30", "ldr-06", DE, IC, "封测车间AI视觉缺陷检测系统",
  "针对引线键合、塑封外观及切筋成型后的缺陷检测，现有AOI误判率偏高，拟引入基于深度学习的视觉检测系统，与现有MES和分选机联动，需提供算法训练、设备集成及现场部署服务。省内企业优先。",
  ["深度学习视觉检测", "外观缺陷识别", "MES联动"], ["sw_vision"], adj=["sw_mes"], prefs=[("province",)])
D("d-31", "ldr-05", TS, IC, "集成电路设计与验证人才联合培养",
  "我司每年需新增数字前端、验证及版图工程师约80人，拟与高校、培训机构联合开展集成电路人才订单式培养及在职工程师实训，共建实训课程与EDA实训环境，优秀学员优先录用。",
  ["集成电路人才", "数字验证", "订单式培养"], ["tal_ic"], adj=["tal_digital"])
D("d-32", "ldr-06", CB, IC, "芯片进出口报关及保税物流服务",
  "我司晶圆、封装材料进口及成品芯片出口业务量大，需合作方提供进出口通关、保税仓储、分类监管及AEO高级认证维护等服务，要求在青岛口岸具备丰富的电子元器件通关经验。",
  ["进出口通关", "保税仓储", "AEO高级认证"], ["cb_customs"], sec=["cb_forwarder"])
D("d-33", "ldr-05", SC, IC, "芯片设计企业孵化基地开放入驻",
  "我司在济南高新区建设集成电路设计孵化基地，开放约5000平方米研发办公空间，配套EDA云平台、测试实验室与MPW流片补贴，面向MCU、模拟及传感器芯片设计初创团队招募入驻。",
  ["芯片设计", "MPW流片", "EDA云平台"], ["ic_mcu", "ic_analog", "ic_mems"], adj=["ic_eda"], look=SPACE_LOOK)

# ---- 高端装备 ----
D("d-34", "ldr-07", PS, HE, "发动机缸体缸盖精密机加工外协",
  "因订单增长，现征集发动机缸体、缸盖及齿轮室精密加工外协厂家，需具备卧式加工中心、珩磨及三坐标检测能力，关键尺寸CPK≥1.33。须通过IATF16949认证，限山东省内企业。",
  ["缸体缸盖机加工", "卧式加工中心", "珩磨"], ["he_cnc"], regions=["37"], prefs=[("cert", "IATF16949")])
D("d-35", "ldr-08", PS, HE, "挖掘机液压油缸配套供应商征集",
  "我司中大挖产品产量提升，需新增动臂、斗杆、铲斗油缸配套供应商，缸径100-250mm，要求具备缸筒珩磨、活塞杆镀铬、焊接及整缸耐压测试能力。供应商年营业收入不低于1亿元。",
  ["液压油缸", "活塞杆镀铬", "整缸耐压测试"], ["he_hydraulic"], adj=["he_cnc"], prefs=[("revenue", 10000)])
D("d-36", "ldr-08", PS, HE, "工程机械结构件机器人焊接外协",
  "征集挖掘机动臂、斗杆、上下车架等结构件焊接外协供应商，板厚12-40mm，要求以机器人焊接为主、具备焊缝UT/MT探伤及焊后去应力处理能力，焊工持证上岗。优先省内企业。",
  ["结构件焊接", "机器人焊接", "焊缝探伤"], ["he_welding"], prefs=[("province",)])
D("d-37", "ldr-07", TR, HE, "高精度RV减速器联合研发",
  "为配套自研工业机器人，拟开展高精度RV减速器联合研发，重点解决回差、传动精度保持性与寿命问题，涉及摆线轮修形、精密磨削与装配工艺，欢迎企业、高校院所共同承担。",
  ["RV减速器", "摆线轮修形", "传动精度"], ["he_reducer"])
D("d-38", "ldr-08", AT, HE, "工程机械故障预测与健康管理技术成果转化",
  "寻求面向液压系统、发动机的故障预测与健康管理（PHM）成熟成果，基于振动、油液、工况数据实现关键部件剩余寿命预测，拟以技术许可或合作开发方式在我司物联网平台落地。",
  ["故障预测与健康管理", "剩余寿命预测", "油液监测"], ["sw_pdm"], adj=["sw_iiot"], roles={"SOFTWARE": 3})
D("d-39", "ldr-07", PR, HE, "柴油机缸体缸盖铸件毛坯年度采购",
  "年度采购柴油机缸体、缸盖毛坯（HT250、QT500-7），年需求量约1.5万吨，需具备相应产能，要求供应商具备静压造型线、直读光谱及金相分析能力，近三年无重大质量事故。员工100人以上。",
  ["缸体毛坯", "QT500-7", "静压造型"], ["he_casting"], prefs=[("employees", 100), ("capacity", 15000)])
D("d-40", "ldr-07", GL, HE, "涂装车间VOCs治理与节能改造",
  "我司涂装车间废气排放需满足山东省最新排放标准，拟实施VOCs深度治理改造，采用沸石转轮浓缩+RTO等工艺，并配套余热利用，征集具备设计、施工、运营一体化能力的环保工程企业。",
  ["VOCs深度治理", "沸石转轮+RTO", "设计施工运营一体化"], ["green_voc"], adj=["green_heat"])
D("d-41", "ldr-08", SF, HE, "终端客户设备融资租赁合作",
  "为促进挖掘机、装载机销售，拟与融资租赁公司、银行合作，为终端客户及经销商提供设备融资租赁、分期按揭服务，首付比例灵活、审批高效，并可对接我司物联网平台进行风控。",
  ["设备融资租赁", "分期按揭", "物联网风控"], ["fin_lease"], look=FIN_LOOK)
D("d-42", "ldr-08", QS, HE, "量检具及三坐标计量校准服务",
  "我司及配套供应商的卡尺、千分尺、扭矩扳手、三坐标测量机等计量器具约1.2万台件，需委托具备CNAS认可的计量机构开展年度检定校准，并提供上门校准服务。限山东省内机构。",
  ["检定校准", "三坐标测量机", "上门校准"], ["svc_calibration"], regions=["37"])
D("d-43", "ldr-07", TS, HE, "数控与工业机器人技能人才培训",
  "我司智能工厂需培养一批懂数控编程、工业机器人调试与设备维修的复合型技能人才，拟与职业院校、社会培训机构合作开展在岗培训及技能等级认定，共建产业学院。",
  ["数控编程", "工业机器人调试", "技能等级认定"], ["tal_skills"])
D("d-44", "ldr-08", DE, HE, "装配线数字孪生与虚拟调试平台建设",
  "新建的挖掘机总装线需建设数字孪生系统，实现产线三维建模、节拍仿真、虚拟调试及运行状态实时映射，与PLC、MES数据打通。征集具备工程机械或汽车行业案例的服务商，省内企业优先。",
  ["数字孪生", "虚拟调试", "节拍仿真"], ["sw_twin"], adj=["sw_mes"], prefs=[("province",)])
D("d-45", "ldr-07", IR, HE, "共享结构疲劳与台架试验资源",
  "我司拟与外部机构互相开放大型试验资源，重点需求为发动机及关键零部件的台架耐久试验、结构件疲劳试验与多轴振动试验，寻求拥有相关试验台架的高校院所和检测机构开展共享共用。",
  ["疲劳试验", "台架耐久", "多轴振动"], ["irs_fatigue"], adj=["env_test"])

# ---- 新材料 ----
D("d-46", "ldr-09", TR, NM, "锂电粘结剂用PVDF及含氟功能材料联合研发",
  "拟围绕锂电正极粘结剂PVDF的分子量分布调控、超高分子量牌号开发及含氟质子交换膜开展联合攻关，欢迎高校院所、科技型企业合作，共建省级创新平台。",
  ["PVDF粘结剂", "分子量分布调控", "质子交换膜"], ["nm_fluoro"])
D("d-47", "ldr-10", AT, NM, "氮化硅陶瓷球及陶瓷基板成果转化",
  "我司拟布局高端结构陶瓷，寻求氮化硅陶瓷球、氮化硅陶瓷基板的粉体制备、气压烧结及精密研磨技术成果，可通过技术转让、联合中试或共建公司方式合作。",
  ["氮化硅陶瓷", "气压烧结", "技术转让"], ["nm_ceramic"], roles={"MAKER": 3})
D("d-48", "ldr-09", PR, NM, "化工流程泵与耐腐蚀阀门年度采购",
  "为满足含氟化工装置检维修与新建项目需要，年度采购磁力驱动泵、衬氟（PFA/F46）球阀与截止阀、机械密封等，要求耐氢氟酸腐蚀，提供材质证明与压力试验报告，原厂直供。",
  ["磁力驱动泵", "衬氟阀门", "耐氢氟酸腐蚀"], ["pump_valve"])
D("d-49", "ldr-10", IR, NM, "共建共享材料分析测试平台",
  "我司拟与区域内高校院所、检测机构共建新材料分析测试平台，共享XRD、SEM-EDS、NMR、热分析等大型仪器，开展样品互检与方法开发，诚邀拥有大型分析仪器的单位参与。",
  ["大型仪器共享", "XRD", "SEM-EDS"], ["irs_character"], sec=["svc_material_test"])
D("d-50", "ldr-09", GL, NM, "产品碳足迹核算与温室气体盘查服务",
  "应下游锂电客户及欧盟电池法规要求，需对PVDF、R142b等产品开展碳足迹核算并取得第三方认证，同时完成公司年度组织层面温室气体盘查，征集具备相关资质和化工行业经验的服务机构。",
  ["碳足迹核算", "温室气体盘查", "欧盟电池法规"], ["green_carbon"], adj=["green_ems"])
D("d-51", "ldr-10", SC, NM, "新材料中试基地开放共享，招募入驻项目",
  "我司在烟台开发区建有约2万平方米新材料中试基地，具备化工中试车间、公用工程及环评手续，面向电子化学品、树脂基复合材料、先进陶瓷等方向的科技型中小企业和高校团队开放入驻，可提供中试放大与市场对接。",
  ["中试基地", "电子化学品", "先进陶瓷"], ["nm_finechem", "nm_cf", "nm_ceramic"], look=SPACE_LOOK)
D("d-52", "ldr-10", QS, NM, "原材料及产品理化检测委托",
  "需委托第三方检测机构对金属包材、工程塑料原料及产品开展力学性能、成分分析、老化性能等检测，要求具备CMA/CNAS资质，检测周期短，可提供上门取样。限烟台市内机构。",
  ["理化检测", "力学性能", "老化性能"], ["svc_material_test"], adj=["irs_character"], regions=["3706"])
D("d-53", "ldr-10", PS, NM, "OLED及液晶中间体定制合成配套",
  "为扩大显示材料业务，征集具备多步有机合成、低温反应（-78℃）及钯催化偶联能力的精细化工企业，承接液晶单体中间体、OLED前驱体的定制合成，需通过安全环保审核。优先考虑专精特新企业。",
  ["定制合成", "钯催化偶联", "OLED前驱体"], ["nm_finechem"], adj=["bio_flowchem"], prefs=[("tier",)])

# ---- 生物医药 ----
D("d-54", "ldr-12", PS, BIO, "一次性输注器械组件洁净注塑配套",
  "我司输液器、注射器产能扩充，需外协加工滴斗、针座、鲁尔接头等组件，要求十万级洁净车间生产，材料为医用PP/PC/ABS，供应商须通过ISO13485质量管理体系认证。年需求量约1000万件，需具备相应产能。",
  ["洁净车间注射成型", "鲁尔接头", "ISO13485"], ["bio_medmould"], prefs=[("cert", "ISO13485"), ("capacity", 1000)])
D("d-55", "ldr-11", TR, BIO, "原料药连续流合成工艺开发合作",
  "针对多个硝化、重氮化高危工艺原料药，拟引入微通道连续流技术进行工艺改造，需合作方具备连续流工艺开发、放大及安全评估能力，并能配合GMP验证。欢迎CRO/CDMO企业及高校团队合作。",
  ["微通道连续流", "高危工艺改造", "工艺放大"], ["bio_flowchem"], sec=["bio_cmo"])
D("d-56", "ldr-12", QS, BIO, "医疗器械生物相容性检测服务",
  "新产品注册需按GB/T 16886（ISO 10993）开展细胞毒性、致敏、刺激、急性全身毒性及热原等生物学试验，要求检测机构具备CMA资质并可出具注册检验报告。",
  ["生物学评价", "细胞毒性试验", "注册检验"], ["svc_biocompat"])
D("d-57", "ldr-11", AT, BIO, "抗体偶联药物（ADC）技术成果转化",
  "我司拟拓展生物药管线，寻求具有自主知识产权的ADC偶联技术平台、新型连接子或临床前候选分子，可采取专利许可、合作开发、里程碑付款等方式，欢迎高校院所及生物技术企业洽谈。",
  ["ADC", "连接子", "临床前候选分子"], ["bio_antibody"])
D("d-58", "ldr-11", DE, BIO, "制药车间电子批记录与数据完整性系统建设",
  "按照GMP附录《计算机化系统》要求，拟建设固体制剂车间电子批记录、实验室信息管理及审计追踪系统，需服务商提供系统实施与计算机化系统验证服务。服务商技术团队不少于50人。",
  ["电子批记录", "审计追踪", "计算机化系统验证"], ["pharma_dm"], sec=["sw_mes"], prefs=[("employees", 50)])
D("d-59", "ldr-12", SF, BIO, "上下游应收账款融资与科技型供应商融资服务",
  "我司下游医院回款周期较长，拟联合金融机构为供应链上下游提供应收账款保理、订单融资等服务，同时希望对接面向科技型中小供应商的知识产权质押融资产品。",
  ["应收账款保理", "订单融资", "知识产权质押"], ["fin_ar"], sec=["fin_order", "fin_ip"], look=FIN_LOOK)
D("d-60", "ldr-12", CB, BIO, "医疗器械欧盟MDR与美国FDA注册服务",
  "我司留置针、导管等产品拟出口欧美，需合作方提供欧盟MDR技术文件编写、公告机构对接、CE认证以及FDA 510(k)申报咨询服务，要求有Ⅱ类以上医疗器械成功案例。",
  ["欧盟MDR", "公告机构对接", "FDA申报"], ["cb_cert"])
D("d-61", "ldr-11", SC, BIO, "GMP中试车间及实验室开放共享",
  "我司在济南高新区开放2000平方米符合GMP要求的中试车间及分析实验室，面向创新药、生物制品、体外诊断等领域的初创企业和科研团队提供场地入驻、中试生产与注册申报支持。",
  ["GMP中试车间", "生物制品", "体外诊断"], ["bio_antibody", "bio_ivd", "bio_flowchem"], look=SPACE_LOOK)
D("d-62", "ldr-11", TS, BIO, "药品生产人员GMP及无菌操作培训",
  "每年新入职生产、质量人员约300名，需合作开展GMP法规、无菌操作、洁净区行为规范等系统培训及考核，可联合职业院校开设制药订单班。",
  ["GMP法规培训", "无菌操作", "制药订单班"], ["tal_gmp"])
D("d-63", "ldr-11", PR, BIO, "医药冷链配送服务采购",
  "采购生物制品及冷藏药品省内配送服务，要求全程2-8℃温控、温度数据实时上传，具备经GSP验证的冷藏车和冷库，可覆盖山东16地市医疗机构。限省内企业。",
  ["冷藏药品配送", "温控数据上传", "GSP验证"], ["pharma_cold"], adj=["fd_cold"], regions=["37"],
  roles={"MAKER": 0, "LOGISTICS": 3})

# ---- 现代海洋 ----
D("d-64", "ldr-13", TR, MAR, "褐藻寡糖及岩藻多糖高值化研发",
  "围绕海带加工副产物高值化利用，拟联合开展褐藻寡糖定向酶解制备、岩藻多糖纯化与功效评价研究，推动在功能食品、医用敷料领域的应用，欢迎高校院所与企业共建研发平台。",
  ["褐藻寡糖", "定向酶解", "功效评价"], ["mar_bio"], adj=["fd_sugar"])
D("d-65", "ldr-14", PS, MAR, "深远海养殖网箱及配套设施配套",
  "我司承接多个海洋牧场及深远海养殖平台项目，需配套HDPE重力式网箱、网衣、锚泊系统及投喂设施，要求具备抗风浪设计与海上安装能力。限山东省内企业，优先考虑专精特新企业。",
  ["HDPE网箱", "锚泊系统", "抗风浪设计"], ["mar_aqua_equip"], adj=["mar_ship"], regions=["37"], prefs=[("tier",)])
D("d-66", "ldr-14", IR, MAR, "海洋装备水池与实海况试验资源共享",
  "我司新型养殖平台、浮标等装备需开展水池模型试验与实海况测试，寻求拥有拖曳水池、波浪水槽或海上试验场的高校院所及机构开展资源共享与联合试验。",
  ["水池模型试验", "实海况测试", "波浪水槽"], ["irs_ocean"])
D("d-67", "ldr-14", PS, MAR, "海上风电导管架及码头钢结构防腐配套",
  "征集海洋工程钢结构重防腐涂装及阴极保护施工配套单位，需具备喷砂、热喷锌铝、重防腐涂装施工资质及海上作业经验，执行NORSOK M-501或ISO 12944标准。",
  ["重防腐涂装", "阴极保护", "NORSOK M-501"], ["mar_anticorr"])
D("d-68", "ldr-14", AT, MAR, "海洋观测浮标与水下传感器成果转化",
  "寻求多参数海洋观测浮标、低功耗水下传感器、水下通信等相关科研成果进行产业化，我司可提供海上试验条件、工程化团队与市场渠道，合作方式包括专利转让、许可与联合开发。",
  ["海洋观测浮标", "水下传感器", "成果产业化"], ["mar_observ"])
D("d-69", "ldr-13", CB, MAR, "海藻健康食品跨境电商运营合作",
  "我司海藻膳食纤维、岩藻多糖等健康食品拟拓展北美、东南亚市场，征集跨境电商服务商，负责亚马逊、Shopee等平台店铺运营、广告投放及海外社媒推广。",
  ["跨境电商", "平台店铺运营", "海外社媒推广"], ["cb_ecom"], adj=["cb_market"])
D("d-70", "ldr-13", SF, MAR, "海带原料收购季存货质押融资",
  "每年5-7月为海带集中收购期，原料收购资金需求约3亿元，拟以库存原料及成品仓单为质押申请融资，征集可开展存货/仓单质押融资的金融机构，并对接上游养殖户订单融资。",
  ["仓单质押", "存货融资", "养殖户订单融资"], ["fin_inventory"], sec=["fin_order"], look=FIN_LOOK)

# ---- 纺织服装 ----
D("d-71", "ldr-16", PS, TEX, "针织运动服装外协加工厂征集",
  "为满足国际运动品牌订单需求，征集针织T恤、卫衣、运动裤外协加工厂，需具备裁剪、缝制、整烫全流程及验针、验厂（BSCI/WRAP）资质。年需求量约100万件，需具备相应产能；省内企业优先。",
  ["针织服装外协", "缝制整烫", "验厂资质"], ["tx_garment"], prefs=[("capacity", 100), ("province",)])
D("d-72", "ldr-15", GL, TEX, "印染废水深度处理与中水回用",
  "我司邹平印染园区日排废水约2万吨，拟实施印染废水深度处理及中水回用改造，目标回用率60%以上，征集具备工程设计、施工与运营（EPC+O）能力的水处理企业，年营业收入不低于1亿元。",
  ["印染废水", "中水回用", "EPC+O"], ["green_wastewater"], prefs=[("revenue", 10000)])
D("d-73", "ldr-15", TR, TEX, "凉感与抗菌功能性面料联合开发",
  "针对夏季家纺及运动面料，拟联合开发接触凉感、持久抗菌、吸湿快干的功能性面料，涉及纤维改性、功能整理与测试评价，欢迎高校院所及功能纤维企业合作。",
  ["接触凉感", "持久抗菌", "功能整理"], ["tx_func"], sec=["tx_fiber"])
D("d-74", "ldr-16", DE, TEX, "服装工厂智能排产与吊挂系统数字化改造",
  "我司在即墨及东南亚共有缝制流水线200余条，订单小批量多批次特征明显，拟上线高级计划排程系统，与吊挂系统、ERP打通，实现订单交期预测与产能平衡。",
  ["高级计划排程", "吊挂系统", "产能平衡"], ["sw_aps"], sec=["sw_mes"])
D("d-75", "ldr-16", CB, TEX, "自有品牌服装跨境电商代运营",
  "我司自有运动休闲服装品牌拟进入欧美市场，需跨境电商服务商提供独立站搭建、TikTok Shop及亚马逊运营、海外网红营销等服务，按效果付费优先。",
  ["独立站", "TikTok Shop", "海外网红营销"], ["cb_ecom"], adj=["cb_market"])
D("d-76", "ldr-15", QS, TEX, "出口纺织品检测服务",
  "出口欧美的家纺及面料产品需开展色牢度、甲醛、pH值、偶氮染料、纤维成分等项目检测，要求检测机构具备CNAS/CMA资质，报告获国际品牌认可，可在滨州设立收样点。",
  ["色牢度", "偶氮染料", "纤维成分"], ["svc_textile_test"])
D("d-77", "ldr-15", PR, TEX, "再生涤纶及莱赛尔纤维年度采购",
  "为推进绿色产品线，年度采购GRS认证再生涤纶短纤约8000吨、莱赛尔纤维约3000吨，要求质量稳定、提供GRS交易证书。优先省内企业。",
  ["再生涤纶短纤", "莱赛尔", "GRS交易证书"], ["tx_fiber"], prefs=[("province",)], roles={"DISTRIBUTOR": 1})
D("d-78", "ldr-16", TS, TEX, "服装制版师与设计师联合培养",
  "我司ODM业务需要大量制版、立裁及设计人才，拟与高校、职业院校及培训机构合作开展服装制版师培训和设计人才联合培养，共建工作室与实习基地。",
  ["服装制版", "立裁", "设计人才联合培养"], ["tal_fashion"])

# ---- 食品加工 ----
D("d-79", "ldr-17", PS, FOOD, "低温肉制品及预制菜包装袋配套",
  "我司低温肉制品、预制菜产品需配套高阻隔真空包装袋、121℃高温蒸煮袋及拉伸膜，要求具备食品用包装生产许可、十万级洁净车间，年用量约3000吨。供应商年营业收入不低于3000万元，省内企业优先。",
  ["高阻隔真空包装袋", "121℃蒸煮袋", "食品用包装生产许可"], ["fd_packaging"], prefs=[("revenue", 3000), ("province",)])
D("d-80", "ldr-18", QS, FOOD, "花生及食用油黄曲霉毒素与农残检测",
  "收购花生原料及成品油需开展黄曲霉毒素B1、苯并芘、农药残留、酸价过氧化值等项目检测，要求机构具备CMA资质与快速出具报告能力，年检测样品约5000批次。",
  ["黄曲霉毒素B1", "苯并芘", "农药残留"], ["svc_food_test"])
D("d-81", "ldr-17", PR, FOOD, "冷鲜肉冷链干线运输及城市配送服务招标",
  "采购冷鲜肉、低温肉制品的冷链运输服务，线路覆盖山东、江苏、河南等地，要求冷藏车辆不少于50台、全程温度监控，具备道路运输许可。限省内注册企业。",
  ["冷鲜肉运输", "全程温度监控", "城市配送"], ["fd_cold"], sec=["pharma_cold"], regions=["37"],
  roles={"MAKER": 0, "LOGISTICS": 3})
D("d-82", "ldr-18", TR, FOOD, "花生蛋白与花生红衣高值化利用技术研发",
  "我司年加工花生约50万吨，副产物花生粕、花生红衣综合利用率低，拟联合研发花生蛋白改性、功能肽制备及红衣多酚提取技术，欢迎高校院所及企业合作。",
  ["花生粕利用", "功能肽", "红衣多酚"], ["fd_byproduct"], adj=["fd_sugar", "bio_tcm"])
D("d-83", "ldr-17", GL, FOOD, "屠宰车间余热回收与污水沼气利用",
  "我司屠宰及熟食车间蒸汽、热水用量大，拟实施制冷机组余热回收、高温热泵替代燃气锅炉改造，并对污水处理站沼气进行综合利用，征集节能服务公司以合同能源管理方式合作。",
  ["余热回收", "高温热泵", "沼气利用"], ["green_heat"], sec=["green_wastewater"])
D("d-84", "ldr-18", DE, FOOD, "花生油全链条质量追溯系统建设",
  "为满足出口及商超要求，拟建设从花生种植、收购、压榨到灌装销售的全链条质量追溯系统，实现一瓶一码、扫码查询，并与ERP、仓储系统对接。",
  ["全链条追溯", "一瓶一码", "ERP对接"], ["trace"], adj=["sw_erp"])
D("d-85", "ldr-17", SC, FOOD, "预制菜研发中心及中试厨房开放入驻",
  "我司在临沂建成预制菜研发中心，开放中试厨房、杀菌及冷冻中试线与感官实验室，面向预制菜研发、中央厨房等方向的初创企业与团队招募入驻，共享冷链与渠道资源。专精特新企业优先。",
  ["预制菜", "中试厨房", "冷冻中试线"], ["fd_prepared"], prefs=[("tier",)], look=SPACE_LOOK)
D("d-86", "ldr-18", SF, FOOD, "花生收购季订单融资与仓单质押",
  "每年秋季花生集中收购，需为上游合作社与经纪人提供订单融资，同时以花生原料及成品油库存办理仓单质押融资，征集银行等金融机构合作。省内金融机构优先。",
  ["订单融资", "仓单质押", "收购季融资"], ["fin_order"], sec=["fin_inventory"], prefs=[("province",)], look=FIN_LOOK)
D("d-87", "ldr-18", CB, FOOD, "花生油及花生制品东南亚市场开拓",
  "我司小包装花生油、花生酱拟开拓马来西亚、印尼、越南市场，寻求具备东南亚经销网络、清真认证辅导及海外展会组织经验的外贸服务机构合作。",
  ["东南亚市场开拓", "海外经销网络", "清真认证"], ["cb_market"], adj=["cb_cert", "cb_ecom"])

# ---- 软件和信息技术服务 ----
D("d-88", "ldr-19", PS, SW, "服务器机箱及钣金结构件配套",
  "我司服务器及存储产品出货量增长，需新增服务器机箱、导轨、机柜钣金件配套供应商，要求具备精密冲压、折弯、焊接及表面处理能力，平面度及尺寸一致性满足要求。员工100人以上，省内企业优先。",
  ["服务器机箱", "精密冲压", "钣金结构件"], ["sheet"], prefs=[("employees", 100), ("province",)])
D("d-89", "ldr-20", TR, SW, "工业设备预测性维护算法联合研发",
  "依托我司工业互联网平台海量设备数据，拟联合研发面向空压机、注塑机、数控机床的故障预测算法与工业机理模型，探索工业大模型在设备运维中的应用。",
  ["故障预测算法", "工业机理模型", "设备运维大模型"], ["sw_pdm"], sec=["sw_iiot"])
D("d-90", "ldr-19", AT, SW, "隐私计算与数据安全流通成果转化",
  "围绕政务、医疗数据安全共享场景，寻求多方安全计算、联邦学习、可信执行环境等方向的成熟科研成果与专利，通过专利许可、联合实验室等方式在我司数据平台产品中转化应用。",
  ["多方安全计算", "联邦学习", "可信执行环境"], ["sw_security"], roles={"SOFTWARE": 3})
D("d-91", "ldr-20", IR, SW, "工业AI算力资源共享合作",
  "为支撑平台工业大模型训练，拟与超算中心、智算中心及高校院所共享GPU算力资源，开展算力调度与联合训练，寻求具备千卡级算力或高性能计算平台的合作方。",
  ["GPU算力", "超算中心", "算力调度"], ["computing"])
D("d-92", "ldr-20", TS, SW, "工业互联网与数字化转型人才培训",
  "面向平台服务的中小制造企业，需联合开展工业互联网平台应用、数据分析、设备联网等实训课程，年培训约1000人次，欢迎高校、职业院校及培训机构合作。",
  ["工业互联网实训", "数据分析", "数字化转型培训"], ["tal_digital"], adj=["tal_skills"])
D("d-93", "ldr-19", QS, SW, "软件产品测评与网络安全等级保护测评",
  "我司政务云及行业软件产品需开展第三方软件测评（功能、性能、安全）及网络安全等级保护三级测评，要求测评机构具备CNAS资质及等保测评机构推荐证书。",
  ["第三方软件测评", "等级保护测评", "性能测试"], ["svc_sw_test"])
D("d-94", "ldr-20", SC, SW, "工业互联网创新中心招募入驻企业",
  "我司在崂山建设工业互联网创新中心，提供办公空间、测试床与平台资源，面向工业软件、机器视觉、设备联网等方向的中小企业招募入驻，入驻企业可接入平台生态获得订单。优先考虑专精特新企业。",
  ["工业软件", "机器视觉", "设备联网"], ["sw_vision", "sw_iiot", "sw_mes", "sw_aps"], prefs=[("tier",)], look=SPACE_LOOK)

# ============================================================================================
# Population
# ============================================================================================
ZIHAO = list(dict.fromkeys(
    "海澜 恒信 鼎盛 瑞丰 华泰 金诺 宏达 精诚 汇通 博远 正阳 天润 卓越 中科 新元 德润 嘉禾 同创 永固 中盛 九州 华科 东岳 泰和 "
    "润泽 骏驰 凯瑞 信达 鲁源 齐润 海纳 众鑫 昊天 锦程 长青 晟泰 宇航 万邦 盛景 宏图 启航 丰泽 明德 汇丰 金海 海蓝 恒瑞 "
    "华信 远航 易通 鸿运 晨光 泰山 蓝海 齐鲁 银河 新和 瑞康 佳诚 瑞泽 海岳 云帆 铭宇 中恒 普瑞 海通 立信 卓然 博华 安泰 "
    "金鼎 科润 远大 联创 凯达 百川 鼎信 弘毅 正泰 振华 海川 恒达 华宇 鑫源 天成 睿思 思远 智源 迈科 奥德 凯盛 佳和 泓泰 "
    "润丰 裕华 泽众 欣悦 广利 华盛 恒通 嘉泰 德信 宝通 丰源 晟达 瑞祥 鸿基 福瑞 益康 优创 尚品 赛恩 福达 顺达 聚力 合创 "
    "沃德 同泰 源丰 鼎泰 华凯 诺信 锐驰 天扬 弘润 青禾 山海 岱宗 沂河 潍水 胶东 琅琊 蓬瀛 鲁中 泉润 浩瀚 沧澜 辰宇 锦泰 "
    "华夏 新锐 卓立 超越 汉威 星辰 银鹰 金帆 华鼎 永盛 康泰 宏业 晶华 蔚蓝 宏信 迪凯 科达 瀚海 华普 宸宇 盈创 峰景 赢泰".split()))
SUFFIX = {"SME": ["有限公司", "股份有限公司", "科技有限公司"], "SERVICE_PROVIDER": ["有限公司", "服务有限公司", "科技有限公司"],
          "FINANCIAL_INSTITUTION": ["有限公司", "股份有限公司"]}
USED_NAMES = set()
ENTS = []          # internal enterprise records (with hidden facts)
BY_ID = {}
_seq = [0]


def city_of(region):
    if region in COUNTY_CITY and rng.random() < 0.6:
        return COUNTY_CITY[region]
    return CITY[region[:4]]


def loc_of(region):
    c = CITY[region[:4]]
    return f"{c}市{DISTRICTS[region]}"


def unique_name(region, namews, kind):
    for _ in range(400):
        z = rng.choice(ZIHAO)
        w = rng.choice(namews) if namews else "科技"
        suf = rng.choice(SUFFIX.get(kind, ["有限公司"]))
        if suf == "科技有限公司" and "科技" in w or suf.startswith("服务") and w.endswith("服务"):
            suf = "有限公司"
        if kind == "SERVICE_PROVIDER" and not any(x in w for x in ("检测", "检验", "咨询", "培训", "教育", "物流", "服务", "测评", "计量")):
            suf = rng.choice(["有限公司", "科技有限公司", "服务有限公司"])
        name = f"{city_of(region)}{z}{w}{suf}"
        if name not in USED_NAMES and not any(name[:-4] in u for u in ()):
            USED_NAMES.add(name)
            return name, z + w
    raise RuntimeError("names exhausted")


def pick_region(chain=None, within=None, outside=None, oop=0.12):
    """within/outside: lists of division-code prefixes."""
    pool_chain = CHAINS[chain]["districts"] if chain else sorted(k for k in DISTRICTS if k.startswith("37"))
    cands = []
    if within:
        cands = [c for c in pool_chain if any(c.startswith(p) for p in within)]
        if not cands or rng.random() < 0.3:
            cands = sorted(set(cands) | {c for c in DISTRICTS if any(c.startswith(p) for p in within)})
    elif outside:
        cands = [c for c in sorted(DISTRICTS) if not any(c.startswith(p) for p in outside)]
        chain_c = [c for c in cands if c in pool_chain]
        if chain_c and rng.random() < 0.6:
            cands = chain_c
    else:
        cands = OUT_OF_PROVINCE if rng.random() < oop else pool_chain
    return rng.choice(sorted(cands))


def sample_tier(kind):
    if kind != "SME":
        return None
    r = rng.random()
    return None if r < 0.22 else "INNOVATIVE_SME" if r < 0.50 else "SPECIALIZED_SME" if r < 0.82 else "LITTLE_GIANT"


def size_for(tier, kind):
    if kind == "SERVICE_PROVIDER":
        return rng.randint(20, 600), rng.randint(300, 30000)
    if kind == "FINANCIAL_INSTITUTION":
        return rng.randint(60, 3000), rng.randint(20000, 600000)
    lo = {"LITTLE_GIANT": (150, 1500, 15000, 150000), "SPECIALIZED_SME": (80, 600, 4000, 40000),
          "INNOVATIVE_SME": (20, 220, 500, 8000), None: (15, 400, 300, 20000)}[tier]
    emp = rng.randint(lo[0], lo[1])
    rev = int(rng.uniform(lo[2], lo[3]) / 10) * 10
    return emp, rev


def sample_will(main, strong_main=0.65, p_main=0.86, p_other=0.12, exclude=()):
    w = {}
    for f in FIELDS:
        if f in exclude and f not in main:
            continue
        if f in main:
            if rng.random() < p_main:
                w[f] = "STRONG" if rng.random() < strong_main else "OPEN"
        elif rng.random() < p_other:
            w[f] = "OPEN" if rng.random() < 0.7 else "STRONG"
    return w


TIER_CN = {"LITTLE_GIANT": "国家级专精特新“小巨人”企业，", "SPECIALIZED_SME": "山东省专精特新中小企业，",
           "INNOVATIVE_SME": "创新型中小企业，", None: ""}


def fit(parts, lo=60, hi=200):
    """parts: list of (text, optional).  Drop optional parts from the end until within hi."""
    parts = list(parts)
    while len("".join(p for p, _ in parts)) > hi and any(o for _, o in parts):
        for i in range(len(parts) - 1, -1, -1):
            if parts[i][1]:
                del parts[i]
                break
    s = "".join(p for p, _ in parts)
    if len(s) > hi:
        s = s[:hi - 1] + "。"
    return s


def describe(e, c, role, tags, prods, spec=None):
    short = rng.choice(["公司", e["_short"]])
    loc = loc_of(e["region"])
    tierp = TIER_CN[e["tier"]] if e["kind"] == "SME" else ""
    year = rng.randint(1996, 2021)
    certs = sorted(e["_facts"]["certs"])
    cert_s = ("已通过" + "、".join(certs) + "认证，") if certs else ""
    chaincn = CHAINS[c["chain"]]["cn"] if c.get("chain") else ""
    cust = rng.choice(CHAINS[c["chain"]]["customers"]) if c.get("chain") else "省内外制造企业"
    t0, t1 = tags[0], tags[1] if len(tags) > 1 else tags[0]
    if spec is not None:
        tails = [f"年销售额约{e['revenue']}万元。", "服务客户遍及省内外。", f"现有员工{e['employees']}人。"]
        return fit([(f"{short}成立于{year}年，位于{loc}，", False), (spec["blurb"] + "，", False),
                    (f"主营{prods}。", False), (f"现有员工{e['employees']}人，年销售额约{e['revenue']}万元，", False),
                    (rng.choice(["服务客户遍及省内外。", "在省内设有多个服务网点。", "与多家知名品牌建立长期合作。"]), False)])
    if role == "MAKER":
        cap = e["_facts"]["cap"].get(c["id"])
        cap_s = f"年产能约{cap}{c['unit']}，" if cap else ""
        equip = f"拥有{c['equip']}，" if c["equip"] else ""
        v = rng.randint(0, 2)
        if v == 0:
            return fit([(f"{short}成立于{year}年，坐落于{loc}，{tierp}", False), (f"主要从事{t0}、{t1}，", False),
                        (f"产品包括{prods}。", False), (equip, True), (cap_s, False), (cert_s, True),
                        (f"长期为{cust}提供配套。", True)])
        if v == 1:
            return fit([(f"公司是一家集研发、生产于一体的{chaincn}配套企业，位于{loc}。", False),
                        (f"核心业务为{t0}，兼营{t1}，主导产品{prods}，", False), (cap_s.rstrip("，") + "。" if cap_s else "", False),
                        (equip.rstrip("，") + "。" if equip else "", True), (cert_s.rstrip("，") + "。" if cert_s else "", True),
                        (f"客户覆盖{cust}。", True)])
        return fit([(f"{short}位于{loc}，{tierp}专注{t0}领域{2024 - year}年，", False), (f"具备{t1}能力，", False),
                    (f"可为{cust}提供{prods}等产品，", False), (cap_s.rstrip("，") + "。" if cap_s else "", False),
                    (f"现有员工{e['employees']}人，", True), (cert_s.rstrip("，") + "。" if cert_s else "", True)])
    if role == "DESIGNER":
        if rng.random() < 0.5:
            return fit([(f"{short}成立于{year}年，位于{loc}，{tierp}", False), (f"是一家专注{t0}的科技型企业，", False),
                        ("核心团队来自知名高校及行业龙头，", True), (f"掌握{t1}等关键技术，", False),
                        (f"已获授权发明专利{rng.randint(5, 60)}项，", True), (f"产品{prods}已实现批量应用。", False)])
        return fit([(f"公司位于{loc}，{tierp}研发人员占比{rng.randint(35, 80)}%，", False), (f"主营{t0}与{t1}，", False),
                    (f"提供{prods}，服务{cust}。", False), (cert_s.rstrip("，") + "。" if cert_s else "", True)])
    if role == "SOFTWARE":
        return fit([(f"{short}成立于{year}年，位于{loc}，{tierp}", False), (f"专注于{t0}和{t1}，", False),
                    (f"拥有软件著作权{rng.randint(10, 120)}项，", True), (f"已为{cust}实施项目{rng.randint(20, 400)}个，", False),
                    (f"主要产品：{prods}。", False), (cert_s.rstrip("，") + "。" if cert_s else "", True)])
    if role == "LAB":
        return fit([(f"{short}是位于{loc}的第三方技术服务机构，", False), ("具备CMA资质并通过CNAS实验室认可，" if rng.random() < 0.8 else "", False),
                    (f"业务涵盖{t0}、{t1}等，", False), (f"实验室面积{rng.randint(8, 60) * 100}平方米，", True),
                    (f"可为{cust}提供{prods}。", False)])
    if role == "TRAINER":
        return fit([(f"{short}位于{loc}，是人社部门备案的职业技能培训机构，", False), (f"开设{t0}、{t1}等课程，", False),
                    (f"拥有实训工位{rng.randint(60, 400)}个，年培训{rng.randint(20, 200) * 50}人次，", False),
                    (f"合作企业包括{cust}。", True)])
    if role == "ESCO":
        return fit([(f"{short}成立于{year}年，位于{loc}，{tierp}", False), (f"从事{t0}、{t1}等业务，", False),
                    ("具备环保工程专业承包资质，" if rng.random() < 0.6 else "", True),
                    (f"已完成工业项目{rng.randint(20, 300)}个，", False), ("可提供设计、施工、运维一体化服务。", False)])
    if role == "CONSULT":
        return fit([(f"{short}位于{loc}，专业提供{t0}、{t1}等服务，", False), (f"咨询团队{rng.randint(10, 80)}人，", False),
                    (f"累计服务企业{rng.randint(100, 1500)}家，", False), (f"熟悉{chaincn or '制造'}行业。", True)])
    if role in ("TRADE", "LOGISTICS"):
        net = rng.choice(["德国、荷兰", "美国洛杉矶、新泽西", "马来西亚、越南", "日本、韩国", "波兰、捷克", "阿联酋迪拜"])
        return fit([(f"{short}成立于{year}年，位于{loc}，", False), (f"主营{t0}、{t1}，", False),
                    (f"在{net}设有自营或合作网点，" if role == "TRADE" or "海外" in t0 or "国际" in t0 else
                     f"拥有运营车辆{rng.randint(30, 400)}台、仓储面积{rng.randint(5, 80)}千平方米，", False),
                    (f"年服务客户{rng.randint(50, 900)}家。", False)])
    if role in ("INCUBATOR", "BROKER"):
        return fit([(f"{short}位于{loc}，", False), (f"主要提供{t0}、{t1}等服务，", False),
                    (f"运营面积约{rng.randint(2, 30)}万平方米，" if role == "INCUBATOR" else f"服务企业{rng.randint(200, 2000)}家，", False),
                    ("配套政策申报与投融资对接。", True)])
    if role == "FIN":
        return fit([(f"{short}注册于{loc}，", False), (f"面向产业链上下游中小企业提供{t0}、{t1}等金融服务，", False),
                    (f"审批线上化，授信额度{rng.randint(5, 80)}亿元，", True), (f"已服务客户{rng.randint(100, 3000)}户。", False)])
    return fit([(f"{short}位于{loc}，主营{t0}、{t1}。", False), (f"主要产品：{prods}。", False)])


def new_ent(kind, concepts, chain=None, region=None, tier="auto", will=None, active=True, lex=(), spec=None,
            revenue=None, employees=None, cap=None, certs=None, extra_tags=None):
    """concepts: dict concept id -> role.  First concept is the primary one."""
    cid0 = next(iter(concepts))
    c = CONCEPTS[cid0]
    chain = chain or c["chain"] or rng.choice(sorted(CHAINS))
    region = region or pick_region(chain)
    tier = sample_tier(kind) if tier == "auto" else (tier if kind == "SME" else None)
    emp, rev = size_for(tier, kind)
    namews = spec["namew"] if spec else c["namew"]
    name, short = unique_name(region, [namews] if isinstance(namews, str) else namews, kind)
    facts = dict(concepts=dict(concepts), lex=set(lex), cap={}, certs=set())
    for cc, rl in concepts.items():
        if rl == "MAKER":
            lo, hi = CONCEPTS[cc]["cap"]
            facts["cap"][cc] = int(rng.uniform(lo, hi))
    if cap is not None:
        facts["cap"][cid0] = cap
    if certs is not None:
        facts["certs"] = set(certs)
    elif kind == "SME" and spec is None and chain in CHAINS:
        for ct in CHAINS[chain]["certs"]:
            if rng.random() < 0.55:
                facts["certs"].add(ct)
    e = dict(id=f"E{len(ENTS):04d}", kind=kind, tier=tier, region=region, chains=[chain] if chain else [],
             active=active, employees=employees if employees is not None else emp,
             revenue=revenue if revenue is not None else rev, name=name, _short=short, _facts=facts)
    role0 = concepts[cid0]
    if spec:
        tags = rng.sample(spec["tags"], min(len(spec["tags"]), rng.randint(2, 3)))
        prods = spec["products"]
    else:
        tags = rng.sample(c["ptags"], min(len(c["ptags"]), rng.randint(2, 3)))
        for cc in list(concepts)[1:]:
            tags.append(rng.choice(CONCEPTS[cc]["ptags"]))
            ch2 = CONCEPTS[cc]["chain"]
            if ch2 and ch2 not in e["chains"]:
                e["chains"].append(ch2)
        prods = "、".join(rng.sample(c["products"], min(len(c["products"]), 2)))
    if extra_tags:
        tags += extra_tags
    e["capabilities"] = tags
    e["products"] = prods
    e["willingness"] = will if will is not None else sample_will(
        set(c["fields"]) | ({SF} if kind == "SME" and rng.random() < 0.3 else set()),
        exclude=(PS, PR, SF, SC) if kind == "SERVICE_PROVIDER" else (SF,) if kind == "FINANCIAL_INSTITUTION" else ())
    e["description"] = describe(e, c, role0, tags, prods, spec)
    if len(e["description"]) < 70:
        e["description"] += f"现有员工{e['employees']}人，{rng.choice(['研发投入占营业收入比重超过6%。', '建有市级企业技术中心。', '近三年营业收入保持稳定增长。'])}"
    if len(concepts) > 1 and not spec:
        side = "、".join(CONCEPTS[x]["ptags"][0] for x in list(concepts)[1:])
        extra = f"此外，公司还开展{side}业务。"
        e["description"] = fit([(e["description"], False), (extra, False)], hi=230)
        if len(e["description"]) > 200:
            e["description"] = fit([(e["description"][:200 - len(extra) - 1].rstrip("，、") + "。", False), (extra, False)])
    ENTS.append(e)
    BY_ID[e["id"]] = e
    return e


def chain_concepts(chain, kind="SME"):
    return [k for k, c in CONCEPTS.items() if c["chain"] == chain and c["kind"] == kind]


def build_population():
    # chain leaders
    for key, name, region, chains, concepts, caps, prods, desc, will, emp, rev in LEADERS:
        e = dict(id=key, key=key, kind="CHAIN_LEADER", tier=None, region=region, chains=chains, active=True,
                 employees=emp, revenue=rev, name=name, _short=name, capabilities=caps, products=prods,
                 description=f"{name}位于{loc_of(region)}，" + desc + "现通过“百场万企”对接活动面向产业链上下游发布合作需求。", willingness=dict(will),
                 _facts=dict(concepts=dict(concepts), lex=set(), cap={}, certs={"ISO9001", "ISO14001"}))
        ENTS.append(e)
        BY_ID[key] = e
        USED_NAMES.add(name)
    # universities and institutes
    for key, name, region, lines in UNIVERSITIES:
        facts = dict(concepts={c: r for c, r, _ in lines}, lex=set(), cap={}, certs=set())
        will = {TR: "STRONG", AT: "STRONG" if rng.random() < 0.7 else "OPEN", IR: "OPEN"}
        caps, parts = [], []
        for cid, role, unit in lines:
            c = CONCEPTS[cid]
            if role == R:
                a = c["atags"][:2] if len(c["atags"]) > 1 and rng.random() < 0.6 else c["atags"][:1]
                caps += a
                parts.append(f"{unit}研究方向：{'、'.join(a)}")
            elif role == T_:
                will[TS] = "STRONG"
                a = c["atags"][0]
                caps += [a, c["ptags"][-1]]
                parts.append(f"{unit}围绕{a}建有校内实训基地，面向企业开展{c['ptags'][-1]}")
            else:
                will[QS] = "STRONG"
                will[IR] = "STRONG"
                caps += c["ptags"][:2]
                parts.append(f"{unit}具备CMA资质，可对外开放{c['ptags'][0]}、{c['ptags'][1]}")
        if all(r == T_ for _, r, _ in lines):
            will = {TS: "STRONG", TR: "OPEN"}
        if key in ("uni-24", "uni-31", "uni-46", "uni-05", "uni-09"):
            will[SC] = "OPEN"
        if rng.random() < 0.22:                       # some groups are not open to every field
            drop = rng.choice(sorted(will))
            if len(will) > 1:
                del will[drop]
        plat = rng.choice(["依托省级重点实验室", "依托省级工程技术研究中心", "依托教育部重点实验室", "依托校级交叉研究平台"])
        if all(r == T_ for _, r, _ in lines):
            tail = (f"学校为国家“双高计划”建设单位，年开展社会培训{rng.randint(20, 120) * 100}人次，"
                    f"与{rng.randint(30, 200)}家企业共建订单班和现代学徒制试点。")
        else:
            tail = (f"{plat}，近五年承担国家及省部级科研项目{rng.randint(8, 60)}项、授权发明专利{rng.randint(10, 120)}项，"
                    "可与企业开展联合攻关、技术许可及人才联合培养。")
        desc = f"{name}面向产业开放科研与人才合作：" + "；".join(parts) + "。" + tail
        e = dict(id=key, key=key, kind="UNIVERSITY", tier=None, region=region,
                 chains=sorted({CONCEPTS[c]["chain"] for c, _, _ in lines if CONCEPTS[c]["chain"]}), active=True,
                 employees=None, revenue=None, name=name, _short=name, capabilities=list(dict.fromkeys(caps)),
                 products="技术开发、技术许可、联合实验室、人才培养", description=desc, willingness=will, _facts=facts)
        ENTS.append(e)
        BY_ID[key] = e
        USED_NAMES.add(name)
    # financial institutions
    for key, name, region, concepts, lex, chains in FINANCIALS:
        tags = []
        for cid in concepts:
            tags += rng.sample(CONCEPTS[cid]["ptags"], 2)
        emp, rev = size_for(None, "FINANCIAL_INSTITUTION")
        lexs = "、".join(CONCEPTS[x]["ptags"][0] for x in lex)
        desc = (f"{name}立足{CITY[region[:4]]}，围绕{'、'.join(CHAINS[c]['cn'] for c in chains)}等产业链推出"
                f"{'、'.join(tags[:4])}等金融产品，" + (f"重点服务{lexs}等制造企业的设备融资需求，" if lex else "") +
                f"支持线上化审批，已服务核心企业上下游客户{rng.randint(200, 5000)}户。")
        will = {SF: "STRONG" if rng.random() < 0.75 else "OPEN"}
        if "fin_credit_ins" in concepts:
            will[CB] = "OPEN"
        e = dict(id=key, key=key, kind="FINANCIAL_INSTITUTION", tier=None, region=region, chains=chains, active=True,
                 employees=emp, revenue=rev, name=name, _short=name, capabilities=tags, products="、".join(
                     CONCEPTS[c]["products"][0] for c in concepts) + "产品", description=desc, willingness=will,
                 _facts=dict(concepts={c: "FIN" for c in concepts}, lex=set(lex), cap={}, certs=set()))
        ENTS.append(e)
        BY_ID[key] = e
        USED_NAMES.add(name)
    # one unwilling and one deactivated financial institution for variety
    BY_ID["fin-17"]["willingness"] = {CB: "OPEN"}
    BY_ID["fin-19"]["active"] = False
    # holders of every concept, and its look-alikes
    for cid in sorted(CONCEPTS):
        c = CONCEPTS[cid]
        for _ in range(c["n"]):
            concepts = {cid: c["role"]}
            if c["kind"] == "SME" and rng.random() < 0.35:
                pool = [a for a in c["adjacent"] if CONCEPTS[a]["kind"] == "SME"]
                if pool:
                    o = rng.choice(sorted(pool))
                    concepts[o] = CONCEPTS[o]["role"]
            new_ent(c["kind"], concepts, active=rng.random() > 0.04)
        for spec in c["looks"]:
            new_ent(spec["kind"], {cid: spec["role"]}, chain=c["chain"], spec=spec,
                    will=sample_will(set(c["fields"]) | {PS, PR}, p_main=0.8))
    # look-alike-only service providers
    for cid, k in (("space_op", 4), ("fin_consult", 2), ("tt_agency", 2)):
        c = CONCEPTS[cid]
        for i in range(k):
            lex = {"fin_consult": ["fin_ar", "fin_order", "fin_inventory"]}.get(cid, [])
            e = new_ent("SERVICE_PROVIDER", {cid: c["role"]}, chain=rng.choice(sorted(CHAINS)),
                        region=pick_region(None), lex=lex, will={c["fields"][0]: "STRONG", TS: "OPEN"})
    # a supply-chain management SME that brokers financing (wrong kind for SUPPLY_CHAIN_FINANCE)
    new_ent("SME", {"cb_customs": "TRADE"}, chain="HOME_APPLIANCES", lex=["fin_ar", "fin_order"],
            extra_tags=["供应链金融撮合", "应收账款融资对接"], will={CB: "STRONG", SF: "STRONG", PR: "OPEN"})


# ============================================================================================
# Grading policy (docs/matching-dev-set.md)
# ============================================================================================
SOFT = {"tier", "giant", "province"}
HARD = {"revenue", "employees", "capacity", "cert"}
ROLE_ORDER = ["MAKER", "DESIGNER", "SOFTWARE", "LAB", "ESCO", "TRAINER", "FIN", "TRADE", "LOGISTICS", "CONSULT", "RESEARCH"]


def droles(d):
    r = dict(FIELD_ROLES[d["field"]])
    r.update(d["roles"])
    return {k: v for k, v in r.items() if v > 0}


def adjacent_of(d):
    s = set(d["adj"])
    for c in d["core"]:
        s |= set(CONCEPTS[c]["adjacent"])
    return s - set(d["core"]) - set(d["sec"])


def neighbours_of(d):
    s = set()
    for c in d["core"]:
        s |= set(CONCEPTS[c]["neighbours"])
    return s - set(d["core"]) - set(d["sec"])


def in_region(e, d):
    return not d["regions"] or any(e["region"].startswith(p) for p in d["regions"])


def pref_met(e, d, p):
    f = e["_facts"]
    if p[0] == "tier":
        return e["tier"] in ("SPECIALIZED_SME", "LITTLE_GIANT")
    if p[0] == "giant":
        return e["tier"] == "LITTLE_GIANT"
    if p[0] == "province":
        return e["region"].startswith("37")
    if p[0] == "revenue":
        return (e["revenue"] or 0) >= p[1]
    if p[0] == "employees":
        return (e["employees"] or 0) >= p[1]
    if p[0] == "capacity":
        return max([f["cap"].get(c, 0) for c in d["core"]] + [0]) >= p[1]
    if p[0] == "cert":
        return p[1] in f["certs"]
    raise ValueError(p)


def concept_grade(e, d):
    """Best grade from capability and role alone (before gates and preferences)."""
    roles = droles(d)
    adj = adjacent_of(d)
    g = 0
    for i, (cid, role) in enumerate(e["_facts"]["concepts"].items()):
        if role not in roles:
            continue
        if cid in d["core"]:
            side = i > 0 and e["kind"] != "UNIVERSITY"          # a side line, not the main business
            g = max(g, min(2 if side else 3, roles[role]))
        elif cid in d["sec"]:
            g = max(g, min(2, roles[role]))
        elif cid in adj:
            g = max(g, min(1, roles[role]))
    return g


def gates_ok(e, d):
    return (e["id"] != d["publisher"] and e["kind"] in FIELD_KINDS[d["field"]] and e["active"] and in_region(e, d)
            and d["field"] in e["willingness"])


def grade(e, d):
    if not gates_ok(e, d):
        return 0
    g = concept_grade(e, d)
    if g == 0:
        return 0
    for p in d["prefs"]:
        if not pref_met(e, d, p):
            g = min(g, 1 if p[0] in HARD else 2)
    return g


def has_core_any(e, d):
    f = e["_facts"]
    return any(c in d["core"] for c in f["concepts"]) or bool(f["lex"] & set(d["core"]))


def has_core_ok(e, d):
    roles = droles(d)
    return any(c in d["core"] and r in roles and roles[r] >= 2 for c, r in e["_facts"]["concepts"].items())


def is_lookalike(e, d):
    f = e["_facts"]
    roles = droles(d)
    if any(c in d["core"] and r not in roles for c, r in f["concepts"].items()):
        return True
    if f["lex"] & set(d["core"]):
        return True
    if any(c in neighbours_of(d) or c in d["look"] for c in f["concepts"]):
        return True
    return False


def hard_negative_class(e, d, g):
    if g > 0:
        return None
    kind_ok = e["kind"] in FIELD_KINDS[d["field"]]
    if e["id"] == d["publisher"]:
        return "PUBLISHER" if has_core_any(e, d) else None
    if not kind_ok:
        return "WRONG_KIND" if (has_core_any(e, d) or is_lookalike(e, d)) else None
    if is_lookalike(e, d) and not has_core_ok(e, d) and concept_grade(e, d) == 0:
        return "LOOKALIKE"
    if not has_core_ok(e, d):
        return None
    if not e["active"]:
        return "DEACTIVATED"
    if not in_region(e, d):
        return "OUT_OF_REGION"
    if d["field"] not in e["willingness"]:
        return "UNWILLING"
    return None


def structural(e, d, pub):
    return (e["kind"] == "SME" and e["tier"] == "LITTLE_GIANT" and d["chain"] in e["chains"]
            and e["region"][:4] == pub["region"][:4] and e["willingness"].get(d["field"]) == "STRONG"
            and e["active"] and grade(e, d) == 0 and hard_negative_class(e, d, 0) is None
            and concept_grade(e, d) == 0)


# ============================================================================================
# Filling: make sure every demand has what the brief asks for
# ============================================================================================
def holder_plan(d, cid):
    roles = droles(d)
    c = CONCEPTS[cid]
    role = c["role"] if roles.get(c["role"], 0) >= 3 else next(r for r in ROLE_ORDER if roles.get(r, 0) >= 3)
    kinds = FIELD_KINDS[d["field"]]
    kind = c["kind"] if c["kind"] in kinds else ("SME" if "SME" in kinds else sorted(kinds)[0])
    if role == "RESEARCH" and kind == "UNIVERSITY":
        kind = "SME"
    return kind, role


def make_holder(d, cid, meet=True, fail=None, will=True, active=True, region_ok=True):
    kind, role = holder_plan(d, cid)
    c = CONCEPTS[cid]
    chain = c["chain"] or d["chain"]
    kw = {}
    tier = "auto"
    if region_ok:
        if d["regions"]:
            region = pick_region(chain, within=d["regions"])
        elif any(p[0] == "province" for p in d["prefs"]) and fail != "province":
            region = pick_region(chain, within=["37"])
        elif fail == "province":
            region = rng.choice(OUT_OF_PROVINCE)
        else:
            region = pick_region(chain, oop=0.1)
    else:
        region = pick_region(chain, outside=d["regions"])
    if meet:
        for p in d["prefs"]:
            if p[0] == fail:
                if p[0] == "tier":
                    tier = rng.choice(["INNOVATIVE_SME", None])
                elif p[0] == "giant":
                    tier = "SPECIALIZED_SME"
                elif p[0] == "revenue":
                    kw["revenue"] = int(p[1] * rng.uniform(0.15, 0.8))
                elif p[0] == "employees":
                    kw["employees"] = int(p[1] * rng.uniform(0.3, 0.85))
                elif p[0] == "capacity":
                    kw["cap"] = max(1, int(p[1] * rng.uniform(0.2, 0.8)))
                elif p[0] == "cert":
                    kw["certs"] = [x for x in CHAINS[chain]["certs"] if x != p[1]][:1]
                continue
            if p[0] == "tier":
                tier = rng.choice(["SPECIALIZED_SME", "LITTLE_GIANT"])
            elif p[0] == "giant":
                tier = "LITTLE_GIANT"
            elif p[0] == "revenue":
                kw["revenue"] = int(p[1] * rng.uniform(1.2, 4))
            elif p[0] == "employees":
                kw["employees"] = int(p[1] * rng.uniform(1.2, 4))
            elif p[0] == "capacity":
                kw["cap"] = int(p[1] * rng.uniform(1.3, 3))
            elif p[0] == "cert":
                kw["certs"] = sorted(set(CHAINS[chain]["certs"][:1]) | {p[1]})
    if tier in ("SPECIALIZED_SME", "LITTLE_GIANT", "INNOVATIVE_SME", None) and tier != "auto" and kind == "SME":
        emp, rev = size_for(tier, kind)
        kw.setdefault("employees", emp)
        kw.setdefault("revenue", rev)
    wv = sample_will(set(c["fields"]))
    if will:
        wv[d["field"]] = "STRONG" if rng.random() < 0.7 else "OPEN"
    else:
        wv.pop(d["field"], None)
    return new_ent(kind, {cid: role}, chain=chain, region=region, tier=tier, will=wv, active=active, **kw)


def unrelated_concept(chain, avoid):
    pool = [k for k in chain_concepts(chain) if k not in avoid]
    return rng.choice(sorted(pool)) if pool else None


def related_set(d):
    s = set(d["core"]) | set(d["sec"]) | adjacent_of(d) | neighbours_of(d) | set(d["look"])
    return s


def fill():
    pubs = {d["publisher"]: [x for x in DEMANDS if x["publisher"] == d["publisher"]] for d in DEMANDS}
    for d in DEMANDS:
        pub = BY_ID[d["publisher"]]

        def grades():
            return {e["id"]: grade(e, d) for e in ENTS}

        # 1. at least 2 grade-3 and 4 grade>=2
        i = 0
        while True:
            g = grades()
            n3 = sum(1 for v in g.values() if v == 3)
            n2 = sum(1 for v in g.values() if v >= 2)
            if n3 >= 2 and n2 >= 4:
                break
            make_holder(d, d["core"][i % len(d["core"])])
            i += 1
        # 1b. a partial answer where the demand names one: a secondary concept (grade 2), an adjacent one (grade 1)
        roles = droles(d)
        for cid in d["sec"]:
            if CONCEPTS[cid]["role"] in roles and not any(
                    grade(e, d) == 2 and cid in e["_facts"]["concepts"] for e in ENTS):
                make_holder(d, cid)
        if not any(grade(e, d) == 2 for e in ENTS):          # a firm for which the core concept is a side line
            core = d["core"][0]
            kind, role = holder_plan(d, core)
            cc = CONCEPTS[core]
            mains = [k for k, c in CONCEPTS.items() if (core in c["adjacent"] or k in cc["adjacent"]) and c["kind"] == kind
                     and c["role"] == cc["role"] and k not in d["core"]] or \
                    [k for k, c in CONCEPTS.items() if c["chain"] == cc["chain"] and c["kind"] == kind
                     and c["role"] == cc["role"] and k not in d["core"]] or \
                    [k for k, c in CONCEPTS.items() if c["kind"] == kind and c["role"] == cc["role"] and k not in d["core"]] or \
                    [k for k, c in CONCEPTS.items() if c["kind"] == kind and c["role"] in roles and k not in d["core"]
                     and k not in related_set(d)]
            mains = [k for k in mains if CONCEPTS[k]["chain"] or kind == "FINANCIAL_INSTITUTION"]
            if not mains:
                pass  # no sensible main business to carry the core concept as a side line
        if not any(grade(e, d) == 2 for e in ENTS) and mains:
            main = rng.choice(sorted(mains))
            wv = sample_will(set(CONCEPTS[main]["fields"]))
            wv[d["field"]] = "OPEN"
            new_ent(kind, {main: CONCEPTS[main]["role"], core: role}, chain=CONCEPTS[main]["chain"] or d["chain"],
                    region=pick_region(CONCEPTS[main]["chain"] or d["chain"], within=d["regions"] or ["37"]), will=wv,
                    tier=rng.choice(["SPECIALIZED_SME", "LITTLE_GIANT"]), revenue=rng.randint(80, 900) * 100,
                    employees=rng.randint(200, 1200), cap=None)
        adjs = [a for a in sorted(adjacent_of(d)) if CONCEPTS[a]["role"] in roles]
        if adjs and not any(grade(e, d) == 1 for e in ENTS):
            make_holder(d, adjs[0])
        # 2. both sides of every preference
        for p in d["prefs"]:
            fails = [e for e in ENTS if gates_ok(e, d) and has_core_ok(e, d) and not pref_met(e, d, p)]
            if len(fails) < 1:
                make_holder(d, d["core"][0], fail=p[0])
        # 3. hard negatives of each applicable class
        cls = Counter(hard_negative_class(e, d, grade(e, d)) for e in ENTS)
        if cls["UNWILLING"] < 1:
            make_holder(d, rng.choice(d["core"]), will=False)
        if cls["DEACTIVATED"] < 1:
            make_holder(d, rng.choice(d["core"]), active=False)
        if d["regions"] and cls["OUT_OF_REGION"] < 2:
            for _ in range(2 - cls["OUT_OF_REGION"]):
                make_holder(d, rng.choice(d["core"]), region_ok=False)
        need = 3 - cls["LOOKALIKE"] - cls["WRONG_KIND"]
        sources = []
        for cid in d["core"]:
            sources += [("spec", cid, s) for s in CONCEPTS[cid]["looks"]]
        sources += [("nb", x, None) for x in sorted(neighbours_of(d))]
        sources += [("look", x, None) for x in d["look"]]
        k = 0
        while need > 0 and sources and k < 6:
            typ, cid, spec = sources[k % len(sources)]
            chain = CONCEPTS[cid]["chain"] or d["chain"]
            wv = sample_will({d["field"]} | set(CONCEPTS[cid]["fields"]), p_main=1.0)
            if typ == "spec":
                new_ent(spec["kind"], {cid: spec["role"]}, chain=chain, spec=spec, will=wv,
                        region=pick_region(chain, within=d["regions"] or None))
            else:
                c = CONCEPTS[cid]
                new_ent(c["kind"], {cid: c["role"]}, chain=chain, will=wv,
                        region=pick_region(chain, within=d["regions"] or None))
            need -= 1
            k += 1
        # 4. structural distractors: same chain and prefecture as the publisher, 小巨人, STRONG, unrelated
        n_struct = sum(1 for e in ENTS if structural(e, d, pub))
        avoid = set()
        for x in pubs[d["publisher"]]:
            avoid |= related_set(x)
        tries = 0
        while n_struct < 2 and tries < 8:
            tries += 1
            cid = unrelated_concept(d["chain"], avoid)
            fields = {x["field"] for x in pubs[d["publisher"]]}
            wv = sample_will(set(CONCEPTS[cid]["fields"]))
            for f in fields:
                wv[f] = "STRONG"
            districts = sorted(k for k in DISTRICTS if k[:4] == pub["region"][:4])
            e = new_ent("SME", {cid: CONCEPTS[cid]["role"]}, chain=d["chain"], region=rng.choice(districts),
                        tier="LITTLE_GIANT", will=wv)
            if not structural(e, d, pub):          # e.g. the concept happens to be relevant after all
                e["willingness"].pop(d["field"], None)
            n_struct = sum(1 for e in ENTS if structural(e, d, pub))


# ============================================================================================
# Output
# ============================================================================================
KIND_PREFIX = {"SME": "sme", "SERVICE_PROVIDER": "svc", "FINANCIAL_INSTITUTION": "fin"}
PUBLIC = ["key", "name", "kind", "tier", "region", "chains", "capabilities", "products", "description", "willingness",
          "active", "employees", "revenue"]


def assign_keys():
    counters = Counter(e["id"].split("-")[0] for e in ENTS if "key" in e)
    generated = [e for e in ENTS if "key" not in e]
    rng.shuffle(generated)
    n = Counter()
    for e in generated:
        pre = KIND_PREFIX[e["kind"]]
        n[pre] += 1
        start = counters.get(pre, 0)
        e["key"] = f"{pre}-{start + n[pre]:03d}"


def order_key(e):
    order = {"CHAIN_LEADER": 0, "SME": 1, "UNIVERSITY": 2, "FINANCIAL_INSTITUTION": 3, "SERVICE_PROVIDER": 4}
    return (order[e["kind"]], e["key"])


def compute():
    out = []
    for d in DEMANDS:
        grades, hn, cls = {}, [], Counter()
        for e in ENTS:
            g = grade(e, d)
            if g:
                grades[e["key"]] = g
            c = hard_negative_class(e, d, g)
            if c:
                hn.append(e["key"])
                cls[c] += 1
        struct = [e["key"] for e in ENTS if structural(e, d, BY_ID[d["publisher"]])]
        out.append((d, grades, sorted(hn), cls, struct))
    return out


def write_json(results):
    ents = sorted(ENTS, key=order_key)
    about = ("Rongtong matching development set (independent of matching-eval.json): enterprises of ten Shandong industrial "
             "chains and demands published by chain leaders, graded 0-3 by the policy in docs/matching-dev-set.md from "
             "hidden facts kept in matching-service/src/test/devset/generate_devset.py (seed %d). grades lists non-zero "
             "grades only; hardNegatives are enterprises a good engine keeps out of its top 10." % SEED)
    lines = ["{", "  \"about\": " + json.dumps(about, ensure_ascii=False) + ",", "  \"enterprises\": ["]
    for i, e in enumerate(ents):
        pub = {k: e[k] for k in PUBLIC}
        pub["willingness"] = {f: e["willingness"][f] for f in FIELDS if f in e["willingness"]}
        lines.append("    " + json.dumps(pub, ensure_ascii=False) + ("," if i < len(ents) - 1 else ""))
    lines += ["  ],", "  \"demands\": ["]
    for i, (d, grades, hn, _, _) in enumerate(results):
        gs = dict(sorted(grades.items(), key=lambda kv: (-kv[1], kv[0])))
        pub = dict(key=d["key"], publisher=d["publisher"], field=d["field"], chain=d["chain"], title=d["title"],
                   description=d["description"], capabilities=d["capabilities"], regions=d["regions"], grades=gs,
                   hardNegatives=hn)
        lines.append("    " + json.dumps(pub, ensure_ascii=False) + ("," if i < len(results) - 1 else ""))
    lines += ["  ]", "}"]
    os.makedirs(os.path.dirname(OUT_JSON), exist_ok=True)
    with open(OUT_JSON, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def stats(results):
    L_ = []
    kinds = Counter(e["kind"] for e in ENTS)
    L_.append("| kind | enterprises |\n|---|---|")
    for k in ["CHAIN_LEADER", "SME", "UNIVERSITY", "FINANCIAL_INSTITUTION", "SERVICE_PROVIDER"]:
        L_.append(f"| {k} | {kinds[k]} |")
    L_.append(f"| **total** | **{len(ENTS)}** |\n")
    tiers = Counter(e["tier"] for e in ENTS if e["kind"] == "SME")
    L_.append("SME tiers: " + ", ".join(f"{k or 'none'} {v}" for k, v in sorted(tiers.items(), key=lambda kv: str(kv[0]))) + ".  ")
    sd = sum(1 for e in ENTS if e["region"].startswith("37"))
    prefs = len({e["region"][:4] for e in ENTS if e["region"].startswith("37")})
    L_.append(f"Located in Shandong: {sd} of {len(ENTS)} ({prefs} of 16 prefectures); inactive: "
              f"{sum(1 for e in ENTS if not e['active'])}.\n")
    L_.append("| field | demands |\n|---|---|")
    fc = Counter(d["field"] for d, *_ in results)
    for f in FIELDS:
        L_.append(f"| {f} ({FIELD_CN[f]}) | {fc[f]} |")
    L_.append(f"| **total** | **{len(results)}** |\n")
    L_.append("| chain | demands | enterprises listing the chain |\n|---|---|---|")
    cc = Counter(d["chain"] for d, *_ in results)
    for c in CHAINS:
        L_.append(f"| {c} ({CHAINS[c]['cn']}) | {cc[c]} | {sum(1 for e in ENTS if c in e['chains'])} |")
    L_.append("")
    gd = Counter()
    per = []
    share_none = share_tot = 0
    for d, grades, hn, cls, struct in results:
        for k, g in grades.items():
            gd[g] += 1
        per.append((len(grades), sum(1 for g in grades.values() if g >= 2), len(hn), len(struct)))
        keymap = {e["key"]: e for e in ENTS}
        for k, g in grades.items():
            if g >= 2:
                share_tot += 1
                if not set(keymap[k]["capabilities"]) & set(d["capabilities"]):
                    share_none += 1
    pairs = len(ENTS) * len(results)
    L_.append("| grade | pairs |\n|---|---|")
    L_.append(f"| 0 (incl. unlisted) | {pairs - sum(gd.values())} |")
    for g in (1, 2, 3):
        L_.append(f"| {g} | {gd[g]} |")
    L_.append("")

    def mm(i):
        v = sorted(p[i] for p in per)
        return f"{v[0]} / {v[len(v) // 2]} / {v[-1]}"
    L_.append(f"Per demand (min / median / max): graded {mm(0)}; grade ≥ 2 {mm(1)}; hard negatives {mm(2)}; "
              f"structural distractors {mm(3)}.  ")
    L_.append(f"Grade-2/3 pairs sharing no exact capability tag with the demand: {share_none} of {share_tot} "
              f"({100 * share_none / max(1, share_tot):.0f}%).  ")
    L_.append(f"Demands with written preferences: {sum(1 for d, *_ in results if d['prefs'])} of {len(results)}; "
              f"with a region constraint: {sum(1 for d, *_ in results if d['regions'])}.\n")
    tot = Counter()
    for *_, cls, _s in results:
        tot.update(cls)
    L_.append("| hard-negative class | listed (demand × enterprise) | demands having one |\n|---|---|---|")
    for c in ["LOOKALIKE", "UNWILLING", "OUT_OF_REGION", "DEACTIVATED", "PUBLISHER", "WRONG_KIND"]:
        L_.append(f"| {c} | {tot[c]} | {sum(1 for *_, cls, _s in results if cls[c])} |")
    L_.append(f"| structural distractors (not listed) | {sum(len(s) for *_, s in results)} | "
              f"{sum(1 for *_, s in results if s)} |")
    return "\n".join(L_) + "\n"


def check(results):
    keys = {e["key"] for e in ENTS}
    assert len(keys) == len(ENTS)
    assert len({e["name"] for e in ENTS}) == len(ENTS), "duplicate names"
    for d, grades, hn, cls, struct in results:
        assert d["publisher"] in keys and BY_ID[d["publisher"]]["kind"] == "CHAIN_LEADER"
        assert all(k in keys for k in grades) and all(k in keys for k in hn)
        assert sum(1 for g in grades.values() if g >= 2) >= 3, d["key"]
        assert not set(hn) & set(grades), d["key"]
        assert 80 <= len(d["description"]) <= 300, (d["key"], len(d["description"]))
    for e in ENTS:
        if e["kind"] == "SME":
            assert 60 <= len(e["description"]) <= 200, (e["name"], len(e["description"]), e["description"])
        assert (e["tier"] is None) or e["kind"] == "SME"
    assert len({d["field"] for d, *_ in results}) == 12


def main():
    build_population()
    fill()
    assign_keys()
    id2key = {e["id"]: e["key"] for e in ENTS}
    for d in DEMANDS:
        d["publisher"] = id2key[d["publisher"]]
    for e in ENTS:
        BY_ID[e["key"]] = e
        e["id"] = e["key"]
    results = compute()
    check(results)
    write_json(results)
    st = stats(results)
    doc = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "docs", "matching-dev-set.md"))
    if os.path.exists(doc):
        text = open(doc, encoding="utf-8").read()
        a, b = "<!-- stats:begin -->", "<!-- stats:end -->"
        if a in text and b in text:
            text = text[:text.index(a) + len(a)] + "\n" + st + text[text.index(b):]
            with open(doc, "w", encoding="utf-8") as f:
                f.write(text)
    print(st)
    print("wrote", OUT_JSON)


if __name__ == "__main__":
    main()
