package de.gemeinwerk.lorawan.decoder;

import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a device type's payload decoder: a script defining {@code function decodeUplink(input)} as The Things Stack's
 * uplink payload formatters and ChirpStack v4's codecs do, called with
 * {@code {bytes: [0–255…], fPort, recvTime: Date, variables: {}}} and returning {@code {data, warnings, errors}}.
 * <p>
 * Scripts run in Rhino's interpreter without any access to Java, with a time and a memory budget per call (see
 * {@link BudgetedContext}), on a shared sealed scope (see {@link SharedScope}). Thread-safe; a script is compiled
 * once per source text. Each call runs the script's top level anew in a fresh scope, so nothing a decoder stores in
 * its globals survives into the next uplink.
 */
public final class DecoderSandbox {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMillis(50);
    public static final long DEFAULT_MEMORY_LIMIT = 16L * 1024 * 1024;
    private static final int MAX_SCRIPT_CHARS = 1024 * 1024;
    /** Device types are few; a bound only keeps a misbehaving caller (a new source text per call) from filling the heap. */
    private static final int MAX_CACHED_SCRIPTS = 1_000;
    private static final String SOURCE_NAME = "decoder";

    private final SandboxContextFactory factory = new SandboxContextFactory();
    private final ScriptableObject shared;
    private final long timeLimitNanos;
    private final long memoryLimitBytes;
    private final Map<String, Script> compiled = new ConcurrentHashMap<>();

    public DecoderSandbox() {
        this(DEFAULT_TIME_LIMIT, DEFAULT_MEMORY_LIMIT);
    }

    public DecoderSandbox(Duration timeLimit, long memoryLimitBytes) {
        if (timeLimit.isNegative() || timeLimit.isZero() || memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("decoder limits must be positive: " + timeLimit + ", " + memoryLimitBytes);
        }
        BudgetedContext.requireAllocationCounting();
        this.timeLimitNanos = timeLimit.toNanos();
        this.memoryLimitBytes = memoryLimitBytes;
        this.shared = SharedScope.create(factory);
    }

    /**
     * Decodes one uplink's payload.
     *
     * @param fPort      the uplink's FPort, {@code null} when the network server sent none
     * @param receivedAt becomes {@code input.recvTime}
     * @throws DecoderException when the script does not compile, exceeds a limit, reports errors, throws, or
     *                          returns no JSON object as {@code data}
     */
    public DecodedPayload decode(String script, byte[] payload, Integer fPort, Instant receivedAt) {
        Script program = compile(script);
        return run(cx -> {
            Scriptable scope = newCallScope();
            Function decodeUplink = defineDecoder(cx, program, scope);
            Object result = decodeUplink.call(cx, scope, scope, new Object[] {input(cx, payload, fPort, receivedAt)});
            return DecoderOutput.read(result);
        });
    }

    /**
     * Checks a decoder before it is stored: it must compile and its top level must define {@code decodeUplink}
     * (running the top level within the budget, as each decode does).
     */
    public void check(String script) {
        Script program = compile(script);
        run(cx -> defineDecoder(cx, program, newCallScope()));
    }

    private interface Call<T> {
        T run(BudgetedContext cx);
    }

    private <T> T run(Call<T> call) {
        BudgetedContext cx = factory.enterBudgeted();
        try {
            cx.startBudget(timeLimitNanos, memoryLimitBytes);
            return call.run(cx);
        } catch (BudgetExceeded e) {
            throw e.toDecoderException();
        } catch (RhinoException e) {
            throw new DecoderException(DecoderException.Kind.FAILED, "the decoder failed: " + describe(e));
        } catch (StackOverflowError e) {
            throw new DecoderException(DecoderException.Kind.FAILED, "the decoder recursed too deeply");
        } catch (OutOfMemoryError e) {
            // a single allocation too big for the heap, refused before anything was allocated
            throw new DecoderException(DecoderException.Kind.MEMORY,
                    "the decoder exceeded its memory limit of " + memoryLimitBytes + " bytes");
        } finally {
            cx.endBudget();
            Context.exit();
        }
    }

    private Script compile(String script) {
        Script program = compiled.get(script);
        if (program != null) {
            return program;
        }
        if (script.length() > MAX_SCRIPT_CHARS) {
            throw new DecoderException(DecoderException.Kind.SYNTAX,
                    "the decoder is longer than " + MAX_SCRIPT_CHARS + " characters");
        }
        BudgetedContext cx = factory.enterBudgeted();
        try {
            CompilerEnvirons environment = new CompilerEnvirons();
            environment.initFromContext(cx);
            program = cx.compileString(ConstAsLet.rewrite(script, environment), SOURCE_NAME, 1, null);
        } catch (EvaluatorException e) {
            throw new DecoderException(DecoderException.Kind.SYNTAX, "syntax error: " + describe(e));
        } finally {
            Context.exit();
        }
        if (compiled.size() >= MAX_CACHED_SCRIPTS) {
            compiled.clear();
        }
        compiled.put(script, program);
        return program;
    }

    private Scriptable newCallScope() {
        NativeObject scope = new NativeObject();
        scope.setPrototype(shared);
        scope.setParentScope(null);
        return scope;
    }

    private static Function defineDecoder(BudgetedContext cx, Script program, Scriptable scope) {
        program.exec(cx, scope, scope);
        Object decodeUplink = ScriptableObject.getProperty(scope, "decodeUplink");
        if (!(decodeUplink instanceof Function function)) {
            throw new DecoderException(DecoderException.Kind.SYNTAX, "the decoder defines no function decodeUplink(input)");
        }
        return function;
    }

    private Scriptable input(BudgetedContext cx, byte[] payload, Integer fPort, Instant receivedAt) {
        Object[] bytes = new Object[payload.length];
        for (int i = 0; i < payload.length; i++) {
            bytes[i] = payload[i] & 0xff;
        }
        Scriptable input = cx.newObject(shared);
        input.put("bytes", input, cx.newArray(shared, bytes));
        if (fPort != null) {
            input.put("fPort", input, fPort);
        }
        input.put("recvTime", input, cx.newObject(shared, "Date", new Object[] {(double) receivedAt.toEpochMilli()}));
        input.put("variables", input, cx.newObject(shared));
        return input;
    }

    /** Rhino's message with where it happened: line, and column when the parser knows it. */
    private static String describe(RhinoException e) {
        StringBuilder text = new StringBuilder(e.details());
        if (e.lineNumber() > 0) {
            text.append(" (line ").append(e.lineNumber());
            if (e.columnNumber() > 0) {
                text.append(", column ").append(e.columnNumber());
            }
            text.append(')');
        }
        return text.toString();
    }
}
