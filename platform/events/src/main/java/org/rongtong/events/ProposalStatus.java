package org.rongtong.events;

/**
 * A proposal (拟合作事项) is open until its proposer withdraws it, or until it is closed for it: its demand ended
 * (closed, withdrawn, expired) or its proposer was deactivated ({@link CloseReason}).
 */
public enum ProposalStatus {
    OPEN,
    WITHDRAWN,
    CLOSED
}
