package org.firstline.oncall.internal;

import java.time.Duration;
import org.firstline.oncall.AlertRaised;
import org.firstline.platform.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * On call's engine cycle on every node, every {@code firstline.oncall.interval} (1 s) and at once when this node
 * raises an alert or writes a page: page for new alerts, move unacknowledged
 * escalations on, hand waiting ones to first line when hours begin, send due pages, post approved time off in lieu to the HR system. GoAlert's cycle is 5 s; a page
 * within 2 s of its alert needs a shorter one. Off with {@code firstline.oncall.background=false}.
 */
@Component
class OnCallBackground extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(OnCallBackground.class);
    private final EscalationEngine engine;
    private final PageSender sender;
    private final ToilDeliverySender toil;
    private final AlertPaging alerts;

    OnCallBackground(
            AlertPaging alerts,
            EscalationEngine engine,
            PageSender sender,
            ToilDeliverySender toil,
            EngineWakeup wakeup,
            @Value("${firstline.oncall.background:true}") boolean enabled,
            @Value("${firstline.oncall.interval:PT1S}") Duration interval) {
        super("oncall-engine", interval, enabled);
        this.engine = engine;
        this.sender = sender;
        this.toil = toil;
        this.alerts = alerts;
        wakeup.wakes(this::wake);
    }

    /** The engine pages from the alert record, many alerts per transaction: the request does not wait for it. */
    @TransactionalEventListener(fallbackExecution = true)
    void alertRaised(AlertRaised raised) {
        if (!raised.suppressed()) wake();
    }

    @Override
    protected void step() {
        while (running() && alone("Paging for new alerts", alerts::catchUp) == AlertPaging.BATCH) {
            // a full batch: more are waiting
        }
        while (running() && alone("Advancing escalations", engine::advanceDue) == EscalationEngine.BATCH) {
            // a full batch: more are due now
        }
        alone("Handing waiting alerts to first line", engine::wakeWaiting);
        while (running() && alone("Sending pages", sender::sendDue) >= PageSender.BATCH) {
            // a full batch: more are due now
        }
        alone("Sending approved time off in lieu to HR", toil::sendDue);
    }

    private static int alone(String what, java.util.function.IntSupplier part) {
        try {
            return part.getAsInt();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again next step", what, e);
            return 0;
        }
    }
}
