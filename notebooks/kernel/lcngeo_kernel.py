"""Jupyter kernel for lcngeo notebooks: Java cells evaluated by JShell in one JVM.

A thin wrapper kernel (ipykernel's documented pattern): it starts
org.lcngeo.notebooks.KernelBridge on the toolkit's class path and exchanges one JSON
line per cell with it. Installed by notebooks/install-kernel.
"""
import json
import os
import subprocess

from ipykernel.kernelbase import Kernel


class LcngeoKernel(Kernel):
    implementation = "lcngeo"
    implementation_version = "0.1"
    language = "java"
    language_version = "17"
    language_info = {"name": "java", "mimetype": "text/x-java", "file_extension": ".java"}
    banner = "lcngeo: Java (JShell) with the lcngeo toolkit on the class path"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        classpath = os.environ["LCNGEO_CLASSPATH"]
        self._jvm = subprocess.Popen(
            # Symja logs through log4j-api alone: its simple logger, not a start-up complaint.
            ["java", "-Djava.awt.headless=true",
             "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
             "-cp", classpath,
             "org.lcngeo.notebooks.KernelBridge"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            bufsize=1,
            # Its own process group: Jupyter's interrupt (SIGINT to the kernel's group) reaches
            # this Python process, which asks the JVM to stop the cell, and never kills the JVM.
            start_new_session=True)

    def _send(self, request):
        self._jvm.stdin.write(json.dumps(request) + "\n")
        self._jvm.stdin.flush()

    def _ask(self, code):
        """One request line to KernelBridge, one answer line back; an error if the JVM ended.

        An interrupt (KeyboardInterrupt while the cell runs) sends {"interrupt": true}: the JVM
        stops the cell, which then answers with its error, and the kernel lives on."""
        try:
            self._send({"code": code})
            while True:
                try:
                    line = self._jvm.stdout.readline()
                    break
                except KeyboardInterrupt:
                    self._send({"interrupt": True})
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            try:
                self._jvm.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            return {"stdout": "", "stderr": "", "value": None, "displays": [],
                    "error": "the Java process of this kernel has ended (exit code %s); "
                             "restart the kernel" % self._jvm.poll()}
        return json.loads(line)

    def do_execute(self, code, silent, store_history=True, user_expressions=None,
                   allow_stdin=False):
        answer = self._ask(code)
        if not silent:
            for name in ("stdout", "stderr"):
                if answer.get(name):
                    self.send_response(self.iopub_socket, "stream",
                                       {"name": name, "text": answer[name]})
            for item in answer.get("displays", []):
                self.send_response(self.iopub_socket, "display_data",
                                   {"data": {item["mime"]: item["data"],
                                             "text/plain": item["plain"]},
                                    "metadata": {}})
            if answer["error"]:
                self.send_response(self.iopub_socket, "error", self._error(answer))
            elif answer["value"] is not None:
                self.send_response(self.iopub_socket, "execute_result",
                                   {"execution_count": self.execution_count,
                                    "data": {"text/plain": answer["value"]}, "metadata": {}})
        if answer["error"]:
            return dict(self._error(answer), status="error", execution_count=self.execution_count)
        return {"status": "ok", "execution_count": self.execution_count,
                "payload": [], "user_expressions": {}}

    @staticmethod
    def _error(answer):
        """Jupyter's error content: the exception class as ename, the whole line as traceback."""
        return {"ename": answer["error"].split(":", 1)[0], "evalue": answer["error"],
                "traceback": [answer["error"]]}

    def do_shutdown(self, restart):
        try:
            self._jvm.stdin.close()
            self._jvm.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._jvm.kill()
        return super().do_shutdown(restart)


if __name__ == "__main__":
    from ipykernel.kernelapp import IPKernelApp
    IPKernelApp.launch_instance(kernel_class=LcngeoKernel)
