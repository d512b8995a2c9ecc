package de.gemeinwerk.lorawan.decoder;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

import java.lang.management.ManagementFactory;

/**
 * A Rhino context that enforces one call's budget: wall time and bytes allocated by the calling thread. Rhino's
 * interpreter calls {@link #observeInstructionCount} every few thousand instructions (and its regular-expression
 * engine while backtracking); the sandbox's guarded built-ins call {@link #checkBudget} around every native call,
 * which covers loops that run inside Java ({@code Array.prototype.fill}, spreading an iterator).
 */
final class BudgetedContext extends Context {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Nesting of native calls that call back into JavaScript ({@code [0].map(f)} inside f): each one is a Java frame. */
    private static final int MAX_NATIVE_DEPTH = 200;

    private boolean active;
    private long deadline;
    private long timeLimitNanos;
    private long allocationLimit;
    private long memoryLimitBytes;
    private int nativeDepth;

    BudgetedContext(ContextFactory factory) {
        super(factory);
    }

    static void requireAllocationCounting() {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's allocated bytes; the decoder sandbox needs it");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    void startBudget(long timeLimitNanos, long memoryLimitBytes) {
        this.timeLimitNanos = timeLimitNanos;
        this.memoryLimitBytes = memoryLimitBytes;
        this.deadline = System.nanoTime() + timeLimitNanos;
        this.allocationLimit = THREADS.getCurrentThreadAllocatedBytes() + memoryLimitBytes;
        this.nativeDepth = 0;
        this.active = true;
    }

    boolean isActive() {
        return active;
    }

    void endBudget() {
        active = false;
    }

    /** Whether a value of this many elements (8 bytes a reference at least) or characters could fit the budget at all. */
    void checkSize(double elements, int bytesEach, String what) {
        if (active && elements * bytesEach > memoryLimitBytes) {
            throw new BudgetExceeded(DecoderException.Kind.MEMORY,
                    "the decoder exceeded its memory limit of " + memoryLimitBytes + " bytes (" + what + " of "
                            + (long) elements + ")");
        }
    }

    void checkBudget() {
        if (!active) {
            return;
        }
        if (System.nanoTime() - deadline > 0) {
            throw new BudgetExceeded(DecoderException.Kind.TIMEOUT,
                    "the decoder exceeded its time limit of " + timeLimitNanos / 1_000_000 + " ms");
        }
        if (THREADS.getCurrentThreadAllocatedBytes() > allocationLimit) {
            throw new BudgetExceeded(DecoderException.Kind.MEMORY,
                    "the decoder exceeded its memory limit of " + memoryLimitBytes + " bytes");
        }
    }

    void enterNative() {
        if (++nativeDepth > MAX_NATIVE_DEPTH) {
            nativeDepth = 0; // the Error unwinds every frame; the next call starts from zero
            throw new BudgetExceeded(DecoderException.Kind.FAILED, "the decoder recursed too deeply");
        }
    }

    void exitNative() {
        nativeDepth--;
    }

    @Override
    protected void observeInstructionCount(int instructionCount) {
        checkBudget();
    }
}
