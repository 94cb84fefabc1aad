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
            ["java", "-Djava.awt.headless=true", "-cp", classpath,
             "org.lcngeo.notebooks.KernelBridge"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def do_execute(self, code, silent, store_history=True, user_expressions=None,
                   allow_stdin=False):
        self._jvm.stdin.write(json.dumps({"code": code}) + "\n")
        self._jvm.stdin.flush()
        answer = json.loads(self._jvm.stdout.readline())
        if not silent:
            if answer["stdout"]:
                self.send_response(self.iopub_socket, "stream",
                                   {"name": "stdout", "text": answer["stdout"]})
            if answer["error"]:
                self.send_response(self.iopub_socket, "stream",
                                   {"name": "stderr", "text": answer["error"] + "\n"})
            elif answer["value"] is not None:
                self.send_response(self.iopub_socket, "execute_result",
                                   {"execution_count": self.execution_count,
                                    "data": {"text/plain": answer["value"]}, "metadata": {}})
        if answer["error"]:
            return {"status": "error", "execution_count": self.execution_count,
                    "ename": "JShellError", "evalue": answer["error"], "traceback": []}
        return {"status": "ok", "execution_count": self.execution_count,
                "payload": [], "user_expressions": {}}

    def do_shutdown(self, restart):
        self._jvm.stdin.close()
        self._jvm.wait(timeout=10)
        return super().do_shutdown(restart)


if __name__ == "__main__":
    from ipykernel.kernelapp import IPKernelApp
    IPKernelApp.launch_instance(kernel_class=LcngeoKernel)
