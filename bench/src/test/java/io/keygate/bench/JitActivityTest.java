package io.keygate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitActivityTest {

    private static final String C2 =
            "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 1077936192 500 0 0 0 731 12 0 0 20 0 30 0 9999 1 2 3";
    private static final String EVENT_LOOP =
            "4243 (vert.x-eventloo) S 1 4200 4200 0 -1 1077936192 500 0 0 0 90 10 0 0 20 0 30 0 9999 1 2 3";

    @Test
    void tellsCompilerThreadsFromOthers() {
        assertTrue(JitActivity.isCompiler(C2));
        assertTrue(JitActivity.isCompiler(C2.replace("C2 ", "C1 ")));
        assertFalse(JitActivity.isCompiler(EVENT_LOOP));
    }

    @Test
    void addsUserAndSystemTime() {
        assertEquals(743, JitActivity.cpuTicks(C2));
        assertEquals(100, JitActivity.cpuTicks(EVENT_LOOP));
    }

    @Test
    void readsNamesWithSpacesAndParentheses() {
        assertEquals(100, JitActivity.cpuTicks(EVENT_LOOP.replace("vert.x-eventloo", "a) (b c")));
    }

    @Test
    void warmsUpOnceWhereItCannotSeeTheJit() throws Exception {
        JitActivity gone = new JitActivity(Long.MAX_VALUE);
        int[] rounds = {0};
        assertEquals(1, gone.warmUntilQuiet("a process without /proc", round -> ++rounds[0] > 0));
        assertEquals(1, rounds[0]);
    }

    @Test
    void stopsWarmingUpWhenARoundCannotRun() throws Exception {
        JitActivity self = new JitActivity(ProcessHandle.current().pid());
        int[] rounds = {0};
        assertEquals(1, self.warmUntilQuiet("this JVM", round -> ++rounds[0] < 1));
        assertEquals(1, rounds[0]);
    }
}
