package de.gemeinwerk.lorawan.decoder;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * Makes the contexts every decoder runs in: interpreted (so instruction counting works and no classes are generated
 * per script), newest language level, no Java class reachable, bounded interpreter stack.
 */
final class SandboxContextFactory extends ContextFactory {

    /** Instructions between two budget checks: a check costs ~50 ns, 2,000 instructions some microseconds. */
    private static final int INSTRUCTIONS_PER_CHECK = 2_000;
    private static final int MAX_STACK_DEPTH = 500;

    @Override
    protected Context makeContext() {
        BudgetedContext cx = new BudgetedContext(this);
        cx.setInterpretedMode(true);
        cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
        cx.setClassShutter(className -> false);
        cx.setInstructionObserverThreshold(INSTRUCTIONS_PER_CHECK);
        cx.setMaximumInterpreterStackDepth(MAX_STACK_DEPTH);
        cx.setGeneratingDebug(false);
        return cx;
    }

    BudgetedContext enterBudgeted() {
        return (BudgetedContext) enterContext();
    }
}
