package baedal.identity.audit;

import java.util.List;

/** The operators' audit trail: appended to by the audit filter, read by the operator listing. */
public interface OperatorAuditLog {

    /** Appends an action (its {@code id} is assigned by the trail). */
    void record(OperatorAction action);

    /** The newest actions first, at most {@code limit}. */
    List<OperatorAction> latest(int limit);
}
