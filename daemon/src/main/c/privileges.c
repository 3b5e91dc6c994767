/*
 * The privilege drop's three C calls for org.jexabgp.daemon.os.NativePrivileges (issue 9): reached through JNI, a
 * call is a symbol looked up once; through java.lang.foreign, each signature cost a daemon's start a generated class
 * and method handles (up to 35 ms of CPU on a two-core machine). Each returns 0, or the errno of the failure.
 * glibc's setgid and setuid change every thread of the process, as a JVM needs.
 */
#include <errno.h>
#include <grp.h>
#include <jni.h>
#include <sys/types.h>
#include <unistd.h>

JNIEXPORT jint JNICALL Java_org_jexabgp_daemon_os_NativePrivileges_setgroups(JNIEnv *env, jclass cls, jint gid)
{
	(void)env;
	(void)cls;
	gid_t only = (gid_t)gid;
	return setgroups(1, &only) == 0 ? 0 : errno;
}

JNIEXPORT jint JNICALL Java_org_jexabgp_daemon_os_NativePrivileges_setgid(JNIEnv *env, jclass cls, jint gid)
{
	(void)env;
	(void)cls;
	return setgid((gid_t)gid) == 0 ? 0 : errno;
}

JNIEXPORT jint JNICALL Java_org_jexabgp_daemon_os_NativePrivileges_setuid(JNIEnv *env, jclass cls, jint uid)
{
	(void)env;
	(void)cls;
	return setuid((uid_t)uid) == 0 ? 0 : errno;
}
