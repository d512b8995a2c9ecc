package de.gemeinwerk.lorawan.decoder;

import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * The standard objects every decoder call sees, created once per sandbox: the safe set (no {@code Packages},
 * {@code java}, {@code importClass}, {@code load}, {@code print}: Rhino's safe standard objects define none of them),
 * every built-in function replaced by a {@link GuardedFunction}, then all of it sealed. Each call runs in a fresh
 * scope whose prototype is this one, so a decoder's globals vanish with the call, and an assignment to a built-in
 * ({@code Array.prototype.map = …}, {@code Object.prototype.x = 1}) throws instead of leaking into the next call or
 * another tenant's decoder. Sealed objects are safe to share between threads.
 */
final class SharedScope {

    /**
     * Walks everything reachable from the global object (symbol keys and accessors included, which Rhino's Java API
     * does not list in one call) and wraps each built-in method (a function without a {@code prototype}; constructors
     * stay, so {@code instanceof} keeps working). Returns every object met, for sealing.
     */
    private static final String GUARD_BUILT_INS = """
            (function (global, guard) {
              const seen = new Set(), all = [];
              // the iterators' prototypes are reachable only through an iterator; spreading calls their next()
              const queue = [global, [][Symbol.iterator](), ''[Symbol.iterator](), new Map()[Symbol.iterator](),
                  new Set()[Symbol.iterator](), (function* () {})(), 'a'.matchAll(/a/g)];
              const visit = v => { if ((typeof v === 'object' || typeof v === 'function') && v !== null && !seen.has(v)) { seen.add(v); queue.push(v); } };
              while (queue.length) {
                var o = queue.shift(); // var, not const: Rhino keeps a loop body's const at its first value
                all.push(o);
                visit(Object.getPrototypeOf(o));
                // Rhino gives no descriptor for 'prototype'; some typed-array accessors throw without an instance
                if (typeof o === 'function') try { visit(o.prototype); } catch (e) { }
                var keys;
                try { keys = Reflect.ownKeys(o); } catch (e) { continue; }
                for (var i = 0; i < keys.length; i++) {
                  var key = keys[i], d;
                  try { d = Object.getOwnPropertyDescriptor(o, key); } catch (e) { continue; }
                  if (!d) continue; // Rhino lists a few keys it then has no descriptor for
                  if (d.get || d.set) { visit(d.get); visit(d.set); continue; }
                  var v; // not d.value: that can be a lazily loaded constructor's placeholder
                  try { v = o[key]; } catch (e) { continue; } // some prototypes' values throw without an instance
                  if (typeof v === 'function' && !Object.prototype.hasOwnProperty.call(v, 'prototype') && !seen.has(v)
                      && (d.writable || d.configurable)) { // Function.prototype[Symbol.hasInstance] is fixed, and cheap
                    var guarded = guard(v, typeof key === 'symbol' ? key.description : key);
                    seen.add(v); seen.add(guarded); visit(Object.getPrototypeOf(v));
                    all.push(guarded);
                    Object.defineProperty(o, key, { value: guarded, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
                  } else {
                    visit(v);
                  }
                }
              }
              return all;
            })""";

    private SharedScope() {
    }

    static ScriptableObject create(SandboxContextFactory factory) {
        BudgetedContext cx = factory.enterBudgeted();
        try {
            ScriptableObject global = cx.initSafeStandardObjects(null, false);
            for (Object id : global.getAllIds()) {
                // loads the lazily created constructors now, before sealing; the walk would see their placeholders
                ScriptableObject.getProperty(global, id.toString());
            }
            Function walk = (Function) cx.evaluateString(global, GUARD_BUILT_INS, "guard-built-ins", 1, null);
            BaseFunction guard = new BaseFunction() {
                @Override
                public Object call(Context c, Scriptable scope, Scriptable thisObj, Object[] args) {
                    return new GuardedFunction(global, (Function) args[0], Context.toString(args[1]));
                }
            };
            NativeArray all = (NativeArray) walk.call(cx, global, global, new Object[] {global, guard});
            for (Object object : all) {
                if (object instanceof ScriptableObject scriptable) {
                    scriptable.sealObject();
                }
            }
            return global;
        } finally {
            Context.exit();
        }
    }
}
