package org.jexabgp.core.fsm;

import java.util.List;

/** The result of one FSM transition: the next state and the actions to carry out, in order. */
public record Step(State next, List<Action> actions) {
    public Step {
        actions = List.copyOf(actions);
    }

    static Step of(State next, Action... actions) {
        return new Step(next, List.of(actions));
    }
}
