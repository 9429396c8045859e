package dev.hotpath.grader.profile;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the learner sees of a stack: the harness cut away, the exercise's and the JDK's frames kept. */
class StackCollapserTest {

    private static final List<String> HARNESS = List.of(
            "dev.hotpath.cachekey.jmh_generated.PageCacheBenchmark_serveRequests_jmhTest.serveRequests_thrpt_jmhStub",
            "dev.hotpath.cachekey.jmh_generated.PageCacheBenchmark_serveRequests_jmhTest.serveRequests_Throughput",
            "jdk.internal.reflect.NativeMethodAccessorImpl.invoke0",
            "java.lang.reflect.Method.invoke",
            "org.openjdk.jmh.runner.BenchmarkHandler$BenchmarkTask.call",
            "java.util.concurrent.FutureTask.run",
            "java.lang.Thread.run");

    private final StackCollapser collapser = new StackCollapser(ProfileView.CPU, Set.of("dev.hotpath.cachekey"));

    @Test
    void theHarnessIsCutSoTheGraphStartsAtTheBenchmarkMethodAndJdkFramesInsideStay() {
        collapser.add(leafFirst("java.util.HashMap.resize", "java.util.HashMap.putVal", "java.util.HashMap.put",
                "dev.hotpath.cachekey.PageCache.get", "dev.hotpath.cachekey.PageCacheBenchmark.serveRequests"), null, 3);

        FlameGraph graph = collapser.graph();

        assertThat(paths(graph)).containsExactly(List.of("dev.hotpath.cachekey.PageCacheBenchmark.serveRequests",
                "dev.hotpath.cachekey.PageCache.get", "java.util.HashMap.put", "java.util.HashMap.putVal",
                "java.util.HashMap.resize"));
        assertThat(graph.total()).isEqualTo(3);
        assertThat(graph.excluded()).isZero();
    }

    @Test
    void setUpTearDownAndThreadsOutsideTheExerciseAreCountedButNotDrawn() {
        List<String> setUp = new ArrayList<>(List.of("dev.hotpath.cachekey.PageCacheBenchmark.startServing",
                "dev.hotpath.cachekey.jmh_generated.PageCacheBenchmark_serveRequests_jmhTest._jmh_tryInit_f_pagecachebenchmark0_G"));
        setUp.addAll(HARNESS.subList(1, HARNESS.size()));
        collapser.add(setUp, null, 5);
        collapser.add(List.of("jdk.internal.misc.Unsafe.park", "java.util.concurrent.FutureTask.get",
                "org.openjdk.jmh.runner.BenchmarkHandler.runIteration", "java.lang.Thread.run"), null, 7);
        collapser.add(leafFirst("dev.hotpath.cachekey.PageCacheBenchmark.serveRequests"), null, 1);

        FlameGraph graph = collapser.graph();

        assertThat(graph.total()).isEqualTo(13);
        assertThat(graph.excluded()).isEqualTo(12);
        assertThat(paths(graph)).containsExactly(List.of("dev.hotpath.cachekey.PageCacheBenchmark.serveRequests"));
    }

    @Test
    void aThreadTheSubmissionStartedIsKeptWithItsLambdaNamedTheSameInEveryRun() {
        collapser.add(List.of("dev.hotpath.cachekey.PageCache.lambda$refresh$0",
                "dev.hotpath.cachekey.PageCache$$Lambda$41/0x0000000800c03a28.run",
                "java.lang.Thread.run"), "[sleeping]", 2);

        assertThat(paths(collapser.graph())).containsExactly(List.of("java.lang.Thread.run",
                "dev.hotpath.cachekey.PageCache$$Lambda.run", "dev.hotpath.cachekey.PageCache.lambda$refresh$0", "[sleeping]"));
    }

    @Test
    void beyondTheStackLimitTheLightestStacksAreMergedAtAShallowDepth() {
        for (int i = 0; i < StackCollapser.MAX_STACKS + 10; i++) {
            collapser.add(leafFirst("dev.hotpath.cachekey.Leaf.m" + i, "dev.hotpath.cachekey.Mid.m", "dev.hotpath.cachekey.Mid.n",
                    "dev.hotpath.cachekey.PageCacheBenchmark.serveRequests"), null, i < 10 ? 1 : 100);
        }

        FlameGraph graph = collapser.graph();

        assertThat(graph.stacks()).hasSize(StackCollapser.MAX_STACKS + 1);
        assertThat(graph.stacks().stream().mapToLong(FlameGraph.Stack::weight).sum()).isEqualTo(graph.total());
        assertThat(paths(graph)).contains(List.of("dev.hotpath.cachekey.PageCacheBenchmark.serveRequests",
                "dev.hotpath.cachekey.Mid.n", "dev.hotpath.cachekey.Mid.m", StackCollapser.MERGED));
    }

    private static List<String> leafFirst(String... exerciseFrames) {
        List<String> frames = new ArrayList<>(List.of(exerciseFrames));
        frames.addAll(HARNESS);
        return frames;
    }

    private static List<List<String>> paths(FlameGraph graph) {
        return graph.stacks().stream().map(stack -> stack.path().stream().map(graph.frames()::get).toList()).toList();
    }
}
