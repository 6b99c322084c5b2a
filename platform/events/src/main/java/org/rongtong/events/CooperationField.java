package org.rongtong.events;

/** The twelve cooperation fields (对接领域) of the programme: each is a demand category and a declared willingness. */
public enum CooperationField {
    TECH_RND,
    PROCUREMENT,
    PRODUCT_SUPPORTING,
    ACHIEVEMENT_TRANSFER,
    DIGITAL_EMPOWERMENT,
    INNOVATION_RESOURCE_SHARING,
    GREEN_LOW_CARBON,
    SUPPLY_CHAIN_FINANCE,
    TALENT_SHARING,
    QUALITY_STANDARDS,
    SPACE_CARRIER,
    CROSS_BORDER_TRADE
}
