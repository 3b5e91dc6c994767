package org.jexabgp.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiScriptTest {
    @Test
    void statements() {
        ApiScript s = ApiScript.parse("""
                # comment
                send announce route 10.0.0.0/24 next-hop 1.2.3.4
                ack
                error 5
                silence 0.5
                await contains "state": "up"
                sleep 0.1
                signal USR1
                exit 3
                """);
        assertThat(s.steps()).hasSize(8);
        assertThat(s.steps().getFirst()).isEqualTo(new ApiScript.Step.Send(2, "announce route 10.0.0.0/24 next-hop 1.2.3.4"));
        assertThat(s.steps().get(1)).isEqualTo(new ApiScript.Step.Answer(3, true, 2));
        assertThat(s.steps().get(2)).isEqualTo(new ApiScript.Step.Answer(4, false, 5));
        var await = (ApiScript.Step.Await) s.steps().get(4);
        assertThat(await.pattern().matcher("{\"state\": \"up\"}").find()).isTrue();
        assertThat(await.pattern().matcher("{\"state\": \"down\"}").find()).isFalse();
        assertThat(s.steps().getLast()).isEqualTo(new ApiScript.Step.Exit(9, 3));
    }

    @Test
    void answers() {
        assertThat(ApiDriver.isAnswer("done")).isTrue();
        assertThat(ApiDriver.isDone("{ \"answer\": \"done\", \"message\": \"command completed\" }")).isTrue();
        assertThat(ApiDriver.isAnswer("{ \"answer\": \"error\" }")).isTrue();
        assertThat(ApiDriver.isDone("{ \"answer\": \"error\" }")).isFalse();
        assertThat(ApiDriver.isAnswer("{ \"type\": \"state\" }")).isFalse();
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> ApiScript.parse("send")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ApiScript.parse("\nawait nothing")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ApiScript.parse("sleep x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ApiScript.parse("dance")).hasMessageContaining("unknown statement");
    }
}
