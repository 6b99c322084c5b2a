package org.rongtong.events;

/** A proposal (拟合作事项) is open until its proposer withdraws it. */
public enum ProposalStatus {
    OPEN,
    WITHDRAWN
}
