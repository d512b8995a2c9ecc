package de.gemeinwerk.lorawan.decoder;

import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

import java.util.Set;

/**
 * Stands in for one built-in function of the shared scope. Built-ins loop in Java, where the interpreter's
 * instruction count does not reach ({@code new Array(1e8).fill(0)} would fill the heap in one call), so before the
 * call it refuses receivers and arguments whose length alone exceeds the memory budget, and after it (and on each
 * step of an iterator) it checks time and memory.
 */
final class GuardedFunction extends BaseFunction {

    private final Function target;
    private final String name;

    GuardedFunction(Scriptable scope, Function target, String name) {
        super(scope, ScriptableObject.getFunctionPrototype(scope));
        this.target = target;
        this.name = name;
    }

    @Override
    public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
        if (!(cx instanceof BudgetedContext budget) || !budget.isActive()) { // building the shared scope
            return target.call(cx, scope, thisObj, args);
        }
        checkSizes(budget, thisObj, args);
        budget.enterNative();
        try {
            return target.call(cx, scope, thisObj, args);
        } finally {
            budget.exitNative();
            budget.checkBudget();
        }
    }

    @Override
    public Scriptable construct(Context cx, Scriptable scope, Object[] args) {
        return target.construct(cx, scope, args);
    }

    /**
     * Built-ins that change an object without a plain assignment, which Rhino's sealing does not stop; on a shared
     * (sealed) object such a change would reach every later call and every other decoder.
     */
    private static final Set<String> MUTATORS = Set.of("defineProperty", "defineProperties", "setPrototypeOf",
            "__defineGetter__", "__defineSetter__", "preventExtensions", "freeze", "seal", "assign");

    private void refuseChangesToSharedObjects(Scriptable thisObj, Object[] args) {
        if (MUTATORS.contains(name)) {
            Object target = name.startsWith("__") ? thisObj : args.length > 0 ? args[0] : null;
            if (target instanceof ScriptableObject object && object.isSealed()) {
                throw ScriptRuntime.typeError("the built-in objects are shared by all decoders and cannot be changed");
            }
        }
    }

    private void checkSizes(BudgetedContext budget, Scriptable thisObj, Object[] args) {
        refuseChangesToSharedObjects(thisObj, args);
        checkLength(budget, thisObj);
        for (Object arg : args) {
            checkLength(budget, arg);
        }
        // the two built-ins whose result length is an argument, not the length of an input
        if (args.length > 0 && ("padStart".equals(name) || "padEnd".equals(name))) {
            budget.checkSize(ScriptRuntime.toNumber(args[0]), 2, "a string length");
        } else if (args.length > 0 && "repeat".equals(name) && thisObj instanceof Scriptable) {
            double length = ScriptRuntime.toString(thisObj).length();
            budget.checkSize(length * ScriptRuntime.toNumber(args[0]), 2, "a string length");
        } else if ("join".equals(name) && args.length > 0 && thisObj != null) {
            double elements = ScriptRuntime.toNumber(ScriptableObject.getProperty(thisObj, "length"));
            budget.checkSize(elements * ScriptRuntime.toString(args[0]).length(), 2, "a string length");
        }
    }

    /** Arrays (and array-likes, whose length a script sets freely) by their length, strings by theirs. */
    private static void checkLength(BudgetedContext budget, Object value) {
        if (value instanceof CharSequence text) {
            budget.checkSize(text.length(), 2, "a string length");
        } else if (value instanceof ScriptableObject object && !(value instanceof Function)) {
            Object length;
            try {
                length = ScriptableObject.getProperty(object, "length");
            } catch (RhinoException e) {
                return; // a getter that needs an instance (TypedArray.prototype.length): nothing to measure
            }
            if (length instanceof Number number) {
                budget.checkSize(number.doubleValue(), 8, "an array length");
            }
        }
    }

    @Override
    public String getFunctionName() {
        return name;
    }

    @Override
    public int getLength() {
        return target instanceof BaseFunction function ? function.getLength() : 0;
    }

    @Override
    public int getArity() {
        return getLength();
    }
}
