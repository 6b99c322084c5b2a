package org.rongtong.events;

public enum EnterpriseKind {
    CHAIN_LEADER,
    SME,
    UNIVERSITY,
    FINANCIAL_INSTITUTION,
    SERVICE_PROVIDER
}
