package org.rongtong.local.generator;

import java.util.List;
import java.util.Map;

/**
 * The words generated profiles are made of: Shandong's flagship chains (the sample chains file's province 37), the
 * capabilities each chain's enterprises name, and the parts of Chinese enterprise names. Invented, not real enterprises.
 */
final class Catalogue {

    private Catalogue() {
    }

    /** A flagship chain: its code in the reference data, the word its enterprise names use, and its capability tags. */
    record Chain(String code, String trade, List<String> capabilities) {
    }

    static final List<Chain> CHAINS = List.of(
            new Chain("HOME_APPLIANCES", "家电",
                    List.of("精密注塑", "模具开发", "变频控制板", "嵌入式软件", "电机驱动", "钣金冲压", "压缩机", "换热器", "智能传感器",
                            "工业视觉检测", "表面喷涂", "ABS改性", "物联网模组", "声学设计")),
            new Chain("NEW_ENERGY_VEHICLES", "汽车",
                    List.of("锂电池模组", "电池管理系统", "热管理", "电机控制器", "车身轻量化", "铝合金压铸", "线束", "充电桩",
                            "燃料电池", "汽车电子", "底盘零部件", "动力总成")),
            new Chain("HIGH_END_EQUIPMENT", "装备",
                    List.of("数控机床", "工业机器人", "液压系统", "精密轴承", "伺服电机", "减速器", "焊接自动化", "激光加工", "齿轮传动",
                            "工业软件")),
            new Chain("NEW_MATERIALS", "材料",
                    List.of("聚氨酯", "碳纤维", "特种陶瓷", "高分子材料", "稀土永磁", "可降解塑料", "涂层材料", "石墨烯")),
            new Chain("BIOMEDICINE", "医药",
                    List.of("原料药", "生物制剂", "医疗器械", "制剂工艺", "医药中间体", "检测试剂", "临床研究", "GMP咨询")),
            new Chain("MARINE_ECONOMY", "海洋",
                    List.of("船舶配套", "海洋防腐", "海水淡化", "海洋生物制品", "水下机器人", "港口机械", "海工钢结构")),
            new Chain("TEXTILES_APPAREL", "纺织",
                    List.of("功能性面料", "智能纺纱", "印染", "服装设计", "无纺布", "纺织检测")),
            new Chain("FOOD_PROCESSING", "食品",
                    List.of("冷链物流", "食品包装", "食品检测", "调味品", "粮油加工", "果蔬深加工", "食品添加剂")),
            new Chain("SOFTWARE_IT", "信息",
                    List.of("工业互联网平台", "大数据分析", "云计算", "信息安全", "数字孪生", "人工智能算法", "ERP实施", "5G应用")));

    /** Capabilities any chain's enterprises may name besides their own: what cuts across chains. */
    static final List<String> COMMON = List.of("质量管理体系", "绿色工厂", "节能改造", "供应链管理", "数字化车间", "知识产权运营");

    /** The cooperation fields each kind is most willing to cooperate in (ADR 0011's kind rules allow these). */
    static final Map<String, List<String>> FIELDS_BY_KIND = Map.of(
            "SME", List.of("PRODUCT_SUPPORTING", "TECH_RND", "PROCUREMENT", "DIGITAL_EMPOWERMENT", "GREEN_LOW_CARBON", "QUALITY_STANDARDS",
                    "TALENT_SHARING", "ACHIEVEMENT_TRANSFER", "INNOVATION_RESOURCE_SHARING"),
            "CHAIN_LEADER", List.of("PROCUREMENT", "PRODUCT_SUPPORTING", "TECH_RND", "DIGITAL_EMPOWERMENT"),
            "UNIVERSITY", List.of("ACHIEVEMENT_TRANSFER", "TECH_RND", "TALENT_SHARING", "QUALITY_STANDARDS", "INNOVATION_RESOURCE_SHARING",
                    "DIGITAL_EMPOWERMENT", "GREEN_LOW_CARBON"),
            "FINANCIAL_INSTITUTION", List.of("SUPPLY_CHAIN_FINANCE", "GREEN_LOW_CARBON"));

    /** The first part of a name: a made-up brand of two characters. */
    static final List<String> BRAND = List.of("恒", "瑞", "丰", "华", "泰", "鑫", "诚", "宏", "远", "新", "创", "精", "卓", "博", "达",
            "嘉", "盛", "元", "信", "源", "海", "金", "润", "鼎", "正", "和", "通", "明", "昌", "德", "科", "智", "航", "领", "弘", "安");

    static final List<String> SUFFIX = List.of("科技有限公司", "股份有限公司", "有限公司", "技术有限公司", "智能科技有限公司", "实业有限公司");

    /** Invented universities and institutes: a made-up name, a kind of school, and a unit within it. */
    static final List<String> SCHOOLS = List.of("理工大学", "科技大学", "工业大学", "职业技术学院", "海洋学院", "医科大学");

    static final List<String> INSTITUTES = List.of("研究院", "工程技术研究中心", "重点实验室", "产业技术研究院", "技术转移中心");

    /** Invented banks and their units that serve the programme. */
    static final List<String> BANKS = List.of("商业银行", "农村商业银行", "科技银行", "融资租赁有限公司", "保理有限公司");

    static final List<String> BRANCH = List.of("科技支行", "普惠金融部", "供应链金融中心", "营业部");
}
